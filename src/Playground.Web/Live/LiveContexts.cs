using Playground.Execution;
using Playground.Execution.Events;
using Playground.Web.Workspace;

namespace Playground.Web.Live;

/// <summary>
/// Feeds a page's <see cref="ContextBoard"/> from the session's lifecycle events as they happen. Events are applied
/// on the page's dispatcher (the board is the page's to read while rendering), a whole batch at a time, and the page
/// re-renders once per batch.
/// </summary>
public sealed class LiveContexts(ExecutionEngine engine, PageSession session, TimeProvider time) : IAsyncDisposable
{
    private readonly CancellationTokenSource stopping = new();
    private LifecycleEventHub.Subscription? subscription;
    private Task? pump;

    public ContextBoard Board { get; } = new();

    public string FunctionName { get; private set; } = string.Empty;

    /// <summary>
    /// Subscribes to the session's events for one function. <paramref name="dispatch"/> runs an action on the page's
    /// dispatcher; <paramref name="changed"/> is called there after each batch.
    /// </summary>
    public void Start(string functionName, Func<Action, Task> dispatch, Action changed)
    {
        if (subscription is not null)
        {
            throw new InvalidOperationException("already started");
        }

        FunctionName = functionName;

        // Subscribe first, then read the present: an event in between is applied twice at worst, never lost.
        subscription = engine.Events.Subscribe(session.Id);
        Board.Merge(Snapshots(), time.GetUtcNow());
        pump = PumpAsync(subscription, dispatch, changed, stopping.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        subscription?.Dispose();
        if (pump is not null)
        {
            await pump.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        stopping.Dispose();
    }

    private async Task PumpAsync(LifecycleEventHub.Subscription source, Func<Action, Task> dispatch, Action changed, CancellationToken cancellationToken)
    {
        var batch = new List<LifecycleEvent>();
        try
        {
            while (await source.Reader.WaitToReadAsync(cancellationToken))
            {
                batch.Clear();
                while (batch.Count < 512 && source.Reader.TryRead(out var lifecycleEvent))
                {
                    if (lifecycleEvent.FunctionName == FunctionName)
                    {
                        batch.Add(lifecycleEvent);
                    }
                }

                if (batch.Count == 0)
                {
                    continue;
                }

                var snapshots = Snapshots();
                await dispatch(() =>
                {
                    foreach (var lifecycleEvent in batch)
                    {
                        Board.Apply(lifecycleEvent);
                    }

                    Board.Merge(snapshots, time.GetUtcNow());
                    changed();
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (cancellationToken.IsCancellationRequested)
        {
            // The circuit went away while a batch was being dispatched.
        }
    }

    private IReadOnlyList<Execution.Contexts.ContextSnapshot> Snapshots()
    {
        try
        {
            return engine.Contexts(session.Id, FunctionName);
        }
        catch (Execution.Functions.FunctionNotFoundException)
        {
            return [];
        }
    }
}
