using Playground.Execution.Contexts;
using Playground.Execution.Events;

namespace Playground.Web.Live;

/// <summary>
/// The execution contexts of one function as the page shows them, alive and recently reclaimed, in the order they
/// appeared. Not thread-safe: the page applies events on its own dispatcher.
/// </summary>
public sealed class ContextBoard
{
    /// <summary>Reclaimed contexts stay on the board (dimmed, with their reason) until this many are there.</summary>
    public const int MaxEndedContexts = 24;

    private readonly List<ContextModel> contexts = [];
    private readonly Dictionary<string, ContextModel> byId = new(StringComparer.Ordinal);

    public IReadOnlyList<ContextModel> Contexts => contexts;

    public IEnumerable<ContextModel> Alive => contexts.Where(c => c.IsAlive);

    /// <summary>When the oldest context on the board appeared: where the timeline starts.</summary>
    public DateTimeOffset? Start => contexts.Count == 0 ? null : contexts.Min(c => c.FirstSeen);

    /// <summary>The server time of the last event applied (the page stamps it on its DOM for latency measurements).</summary>
    public DateTimeOffset? LastEventAt { get; private set; }

    /// <summary>Bumped by every change, so that components re-render only when something happened.</summary>
    public long Revision { get; private set; }

    public ContextModel? Find(string id) => byId.GetValueOrDefault(id);

    public void Apply(LifecycleEvent lifecycleEvent)
    {
        if (!byId.TryGetValue(lifecycleEvent.ContextId, out var context))
        {
            if (lifecycleEvent.Type is LifecycleEventType.Gone)
            {
                return;
            }

            context = new ContextModel(lifecycleEvent.ContextId, lifecycleEvent.Version, lifecycleEvent.At);
            Add(context);
        }

        context.Apply(lifecycleEvent);
        LastEventAt = lifecycleEvent.At;
        Revision++;
    }

    /// <summary>Adds contexts the page has not heard of (alive before it subscribed) and takes the core's numbers.</summary>
    public void Merge(IEnumerable<ContextSnapshot> snapshots, DateTimeOffset now)
    {
        foreach (var snapshot in snapshots)
        {
            if (byId.TryGetValue(snapshot.Id, out var context))
            {
                context.Merge(snapshot);
            }
            else if (snapshot.State is not (ContextState.Gone or ContextState.ShuttingDown))
            {
                Add(ContextModel.FromSnapshot(snapshot, now));
            }
        }

        Revision++;
    }

    /// <summary>Forgets the reclaimed contexts (the live ones stay).</summary>
    public void ClearEnded()
    {
        foreach (var ended in contexts.Where(c => !c.IsAlive).ToList())
        {
            contexts.Remove(ended);
            byId.Remove(ended.Id);
        }

        Revision++;
    }

    private void Add(ContextModel context)
    {
        contexts.Add(context);
        byId[context.Id] = context;
        var ended = contexts.Where(c => !c.IsAlive).ToList();
        for (var i = 0; i < ended.Count - MaxEndedContexts; i++)
        {
            contexts.Remove(ended[i]);
            byId.Remove(ended[i].Id);
        }
    }
}
