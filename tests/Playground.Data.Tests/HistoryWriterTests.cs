using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Tests;

public sealed class HistoryWriterTests
{
    [Fact]
    public async Task Queued_invocations_are_written_in_transactions_of_at_most_the_batch_size()
    {
        await using var database = await DatabaseFile.CreateAsync();
        await using var writer = database.Writer(o => { o.MaxBatchSize = 100; o.FlushInterval = TimeSpan.FromHours(1); });
        for (var i = 0; i < 250; i++)
        {
            writer.Add(Rows.Invocation("a"));
        }

        var flushed = writer.FlushAsync();
        await writer.StartAsync(CancellationToken.None);
        await flushed.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(3, writer.Batches);
        Assert.Equal(250, writer.Written);
        await using var db = database.CreateDbContext();
        Assert.Equal(250, await db.Invocations.CountAsync());
    }

    [Fact]
    public async Task An_invocation_is_written_without_a_stop_once_its_flush_interval_has_passed()
    {
        await using var database = await DatabaseFile.CreateAsync();
        await using var writer = database.Writer(o => o.FlushInterval = TimeSpan.FromMilliseconds(100));
        await writer.StartAsync(CancellationToken.None);
        var invocation = Rows.Invocation("a");
        writer.Add(invocation);

        await using var db = database.CreateDbContext();
        for (var attempt = 0; attempt < 300 && !await db.Invocations.AnyAsync(i => i.RequestId == invocation.RequestId); attempt++)
        {
            await Task.Delay(50);
        }

        Assert.True(await db.Invocations.AnyAsync(i => i.RequestId == invocation.RequestId));
    }

    [Fact]
    public async Task An_invocation_and_an_event_read_back_field_for_field()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        var invocation = Rows.Invocation("a", status: "Crash", cold: true);
        invocation.ErrorType = "Runtime.ExitError";
        invocation.InitDurationMs = 12.25;
        invocation.RequestTruncated = true;
        invocation.LogTruncated = true;
        var lifecycleEvent = Rows.Event("a", "Thawed");
        lifecycleEvent.RequestId = invocation.RequestId;
        lifecycleEvent.FrozenForMs = 1234.5;
        lifecycleEvent.Text = "thawed";
        lifecycleEvent.TmpBytesUsed = 4096;
        lifecycleEvent.Cold = false;
        writer.Add(invocation);
        writer.Add(lifecycleEvent);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var storedInvocation = await db.Invocations.SingleAsync();
        var storedEvent = await db.LifecycleEvents.SingleAsync();
        invocation.Id = storedInvocation.Id;
        invocation.StartedAt = Milliseconds(invocation.StartedAt);
        lifecycleEvent.Id = storedEvent.Id;
        lifecycleEvent.At = Milliseconds(lifecycleEvent.At);
        Assert.Equivalent(invocation, storedInvocation, strict: true);
        Assert.Equivalent(lifecycleEvent, storedEvent, strict: true);
    }

    [Fact]
    public async Task Stopping_writes_everything_that_was_queued()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer(o => o.FlushInterval = TimeSpan.FromHours(1));
        await writer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 500; i++)
        {
            writer.Add(Rows.Invocation("a"));
            writer.Add(Rows.Event("a"));
        }

        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(500, await db.Invocations.CountAsync());
        Assert.Equal(500, await db.LifecycleEvents.CountAsync());
        Assert.False(writer.Add(Rows.Invocation("a")));
    }

    [Fact]
    public async Task Forgetting_a_session_deletes_its_rows_and_drops_its_rows_queued_behind()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        await writer.StartAsync(CancellationToken.None);
        writer.SessionSeen("a", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        writer.SessionSeen("b", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow);
        writer.Add(Rows.Invocation("a"));
        writer.Add(Rows.Invocation("b"));
        writer.Add(Rows.Event("a"));
        await writer.FlushAsync();
        writer.Add(Rows.Invocation("a"));
        writer.ForgetSession("a");
        writer.Add(Rows.Event("a", "Reclaimed"));
        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(["b"], await db.Sessions.Select(s => s.Id).ToListAsync());
        Assert.Equal(["b"], await db.Invocations.Select(i => i.SessionId).ToListAsync());
        Assert.Empty(await db.LifecycleEvents.ToListAsync());
    }

    [Fact]
    public async Task A_session_seen_again_keeps_its_creation_time_and_its_latest_last_seen_time()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        await writer.StartAsync(CancellationToken.None);
        var created = DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_000);
        writer.SessionSeen("a", created, created.AddMinutes(5));
        writer.SessionSeen("a", created.AddMinutes(1), created.AddMinutes(2));
        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var session = await db.Sessions.SingleAsync();
        Assert.Equal(created, session.CreatedAt);
        Assert.Equal(created.AddMinutes(5), session.LastSeenAt);
    }

    [Fact]
    public async Task A_function_version_added_twice_is_kept_once()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        await writer.StartAsync(CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            writer.Add(new Functions.StoredFunction
            {
                SessionId = "a", Name = "counter", Version = 1, CodeHash = "h", Code = "object Handler() => 1;",
                ConfigurationJson = "{}", DeployedAt = DateTimeOffset.UtcNow,
            });
        }

        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Functions.CountAsync());
    }

    [Fact]
    public async Task Retention_deletes_the_oldest_invocations_past_the_limit_of_each_session_and_then_past_the_overall_limit()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer(o =>
        {
            o.Retention.InvocationsPerSession = 3;
            o.Retention.Invocations = 5;
            o.Retention.Interval = TimeSpan.Zero;
        });
        var a = Enumerable.Range(0, 5).Select(_ => Rows.Invocation("a")).ToList();
        var b = Enumerable.Range(0, 4).Select(_ => Rows.Invocation("b")).ToList();
        a.ForEach(i => writer.Add(i));
        b.ForEach(i => writer.Add(i));
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        await using var db = database.CreateDbContext();
        var kept = await db.Invocations.OrderBy(i => i.Id).Select(i => i.RequestId).ToListAsync();
        Assert.Equal([a[3].RequestId, a[4].RequestId, b[1].RequestId, b[2].RequestId, b[3].RequestId], kept);
    }

    private static DateTimeOffset Milliseconds(DateTimeOffset at) => DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());
}
