using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Playground.Data.Events;
using Playground.Data.Functions;
using Playground.Data.Invocations;

namespace Playground.Data.History;

/// <summary>
/// The one writer of the history: invocations, lifecycle events, functions and sessions are queued here by whoever
/// has them (returning at once) and written by a single consumer, many to a transaction, at the latest
/// <see cref="DataOptions.FlushInterval"/> after they were queued. Stopping drains the queue: whatever was queued
/// before the stop is committed.
/// </summary>
/// <remarks>
/// The queue is unbounded on purpose. Its producers are the end of an invocation, which must never wait for the
/// database, and the lifecycle event pump, which would lose events if it waited. What bounds it instead: every row is
/// capped before it is queued (request, response and log at most a few tens of KB), invocations are bounded by the
/// contexts and quotas of the execution core, and one batched transaction writes thousands of rows per second,
/// far more than the contexts can produce. <see cref="Pending"/> shows a backlog if one ever builds up.
/// </remarks>
public sealed class HistoryWriter : IHostedService, IAsyncDisposable
{
    private static readonly TimeSpan ForgottenFor = TimeSpan.FromMinutes(10);

    private readonly Channel<HistoryItem> queue = Channel.CreateUnbounded<HistoryItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<PlaygroundDbContext> contexts;
    private readonly DataOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource abort = new();
    private readonly Dictionary<string, long> forgotten = new(StringComparer.Ordinal);
    private readonly HashSet<string> sessionsSinceRetention = new(StringComparer.Ordinal);
    private long lastRetention;
    private Task? consumer;
    private long written;
    private long batches;

    public HistoryWriter(IDbContextFactory<PlaygroundDbContext> contexts, IOptions<DataOptions> options, TimeProvider time, ILogger<HistoryWriter> logger)
    {
        this.contexts = contexts;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        lastRetention = time.GetTimestamp();
    }

    /// <summary>Rows committed so far.</summary>
    public long Written => Interlocked.Read(ref written);

    /// <summary>Transactions committed so far.</summary>
    public long Batches => Interlocked.Read(ref batches);

    /// <summary>Items queued and not yet written.</summary>
    public int Pending => queue.Reader.Count;

    public bool Add(StoredInvocation invocation) => Queue(new HistoryItem.Invocation(invocation));

    public bool Add(StoredLifecycleEvent lifecycleEvent) => Queue(new HistoryItem.LifecycleEvent(lifecycleEvent));

    /// <summary>A deployed version; the same version added twice is kept once.</summary>
    public bool Add(StoredFunction function) => Queue(new HistoryItem.Function(function));

    /// <summary>Creates the session's row, or moves its last-seen time forward.</summary>
    public bool SessionSeen(string sessionId, DateTimeOffset createdAt, DateTimeOffset lastSeenAt) =>
        Queue(new HistoryItem.SessionSeen(sessionId, createdAt, lastSeenAt));

    /// <summary>Deletes the session and its functions, invocations and events, after what was queued before.</summary>
    public bool ForgetSession(string sessionId) => Queue(new HistoryItem.ForgetSession(sessionId));

    /// <summary>Completes once everything queued before this call is committed.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var written = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return Queue(new HistoryItem.Barrier(written))
            ? written.Task.WaitAsync(cancellationToken)
            : Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        consumer ??= Task.Run(ConsumeAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Takes nothing new and returns once everything queued is written (or the host gives up waiting).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        if (consumer is null)
        {
            return;
        }

        try
        {
            await consumer.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            logger.LogWarning("History writer stopped with {Pending} items not written", Pending);
            await abort.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        abort.Dispose();
    }

    private bool Queue(HistoryItem item)
    {
        if (queue.Writer.TryWrite(item with { QueuedAt = time.GetTimestamp() }))
        {
            return true;
        }

        logger.LogDebug("History writer is stopped; {Item} not kept", item.GetType().Name);
        return false;
    }

    private async Task ConsumeAsync()
    {
        var reader = queue.Reader;
        var batch = new List<HistoryItem>(options.MaxBatchSize);
        try
        {
            while (await reader.WaitToReadAsync(abort.Token))
            {
                await CollectAsync(reader, batch);
                await WriteAsync(batch);
                batch.Clear();
                if (time.GetElapsedTime(lastRetention) >= options.Retention.Interval)
                {
                    await EnforceRetentionAsync();
                }
            }

            await EnforceRetentionAsync();
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
        }
    }

    /// <summary>Takes items until the batch is full, the oldest of them has waited a flush interval, or someone waits for a flush.</summary>
    private async Task CollectAsync(ChannelReader<HistoryItem> reader, List<HistoryItem> batch)
    {
        while (true)
        {
            var flushNow = false;
            while (!flushNow && batch.Count < options.MaxBatchSize && reader.TryRead(out var item))
            {
                batch.Add(item);
                flushNow = item is HistoryItem.Barrier;
            }

            if (batch.Count == 0 || flushNow)
            {
                return;
            }

            var remaining = options.FlushInterval - time.GetElapsedTime(batch[0].QueuedAt);
            if (batch.Count >= options.MaxBatchSize || remaining <= TimeSpan.Zero || reader.Completion.IsCompleted)
            {
                return;
            }

            using var window = new CancellationTokenSource(remaining, time);
            using var waiting = CancellationTokenSource.CreateLinkedTokenSource(window.Token, abort.Token);
            try
            {
                if (!await reader.WaitToReadAsync(waiting.Token))
                {
                    return;
                }
            }
            catch (OperationCanceledException) when (!abort.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Writes the batch in one transaction. Should that fail (a full disk, a row the database refuses), it is tried
    /// once more, then item by item, so one bad row never costs the others.
    /// </summary>
    private async Task WriteAsync(List<HistoryItem> batch)
    {
        try
        {
            await WriteTransactionAsync(batch);
            return;
        }
        catch (Exception exception) when (exception is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Writing {Count} history items failed; trying again", batch.Count);
        }

        await Task.Delay(TimeSpan.FromMilliseconds(200), time, abort.Token);
        try
        {
            await WriteTransactionAsync(batch);
            return;
        }
        catch (Exception exception) when (exception is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning(exception, "Writing {Count} history items failed again; writing them one by one", batch.Count);
        }

        foreach (var item in batch)
        {
            try
            {
                await WriteTransactionAsync([item]);
            }
            catch (Exception exception) when (exception is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
            {
                logger.LogError(exception, "History item {Item} could not be written and is lost", item.GetType().Name);
                (item as HistoryItem.Barrier)?.Written.TrySetResult();
            }
        }
    }

    private async Task WriteTransactionAsync(IReadOnlyList<HistoryItem> batch)
    {
        var token = abort.Token;
        var barriers = new List<TaskCompletionSource>();
        var rows = 0;
        await using (var db = await contexts.CreateDbContextAsync(token))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(token);
            using var inserter = new RowInserter(db.Database.GetDbConnection(), transaction.GetDbTransaction());
            foreach (var item in batch)
            {
                switch (item)
                {
                    case HistoryItem.Invocation { Row: var row } when !IsForgotten(row.SessionId):
                        inserter.Insert(row);
                        sessionsSinceRetention.Add(row.SessionId);
                        rows++;
                        break;
                    case HistoryItem.LifecycleEvent { Row: var row } when !IsForgotten(row.SessionId):
                        inserter.Insert(row);
                        sessionsSinceRetention.Add(row.SessionId);
                        rows++;
                        break;
                    case HistoryItem.Function { Row: var row } when !IsForgotten(row.SessionId):
                        rows += await db.Database.ExecuteSqlAsync(
                            $"""
                            INSERT INTO Functions (SessionId, Name, Version, CodeHash, Code, ConfigurationJson, DeployedAt)
                            VALUES ({row.SessionId}, {row.Name}, {row.Version}, {row.CodeHash}, {row.Code}, {row.ConfigurationJson}, {row.DeployedAt.ToUnixTimeMilliseconds()})
                            ON CONFLICT (SessionId, Name, Version) DO NOTHING
                            """, token);
                        break;
                    case HistoryItem.SessionSeen seen:
                        forgotten.Remove(seen.SessionId);
                        rows += await db.Database.ExecuteSqlAsync(
                            $"""
                            INSERT INTO Sessions (Id, CreatedAt, LastSeenAt)
                            VALUES ({seen.SessionId}, {seen.CreatedAt.ToUnixTimeMilliseconds()}, {seen.LastSeenAt.ToUnixTimeMilliseconds()})
                            ON CONFLICT (Id) DO UPDATE SET LastSeenAt = max(LastSeenAt, excluded.LastSeenAt)
                            """, token);
                        break;
                    case HistoryItem.ForgetSession forget:
                        await DeleteSessionAsync(db, forget.SessionId, token);
                        forgotten[forget.SessionId] = time.GetTimestamp();
                        sessionsSinceRetention.Remove(forget.SessionId);
                        break;
                    case HistoryItem.Barrier barrier:
                        barriers.Add(barrier.Written);
                        break;
                }
            }

            await transaction.CommitAsync(token);
        }

        Interlocked.Add(ref written, rows);
        Interlocked.Increment(ref batches);
        foreach (var barrier in barriers)
        {
            barrier.TrySetResult();
        }
    }

    private bool IsForgotten(string sessionId) => forgotten.Count > 0 && forgotten.ContainsKey(sessionId);

    private static async Task DeleteSessionAsync(PlaygroundDbContext db, string sessionId, CancellationToken cancellationToken)
    {
        await db.Invocations.Where(i => i.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        await db.LifecycleEvents.Where(e => e.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        await db.Functions.Where(f => f.SessionId == sessionId).ExecuteDeleteAsync(cancellationToken);
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
    }

    private async Task EnforceRetentionAsync()
    {
        lastRetention = time.GetTimestamp();
        foreach (var (session, at) in forgotten.ToList())
        {
            if (time.GetElapsedTime(at) > ForgottenFor)
            {
                forgotten.Remove(session);
            }
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync(abort.Token);
            var deleted = await HistoryRetention.EnforceAsync(db, sessionsSinceRetention, options.Retention, abort.Token);
            sessionsSinceRetention.Clear();
            if (deleted > 0)
            {
                logger.LogInformation("History retention deleted {Count} old rows", deleted);
            }
        }
        catch (Exception exception) when (exception is DbUpdateException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            logger.LogWarning(exception, "History retention failed; it runs again after the next interval");
        }
    }
}
