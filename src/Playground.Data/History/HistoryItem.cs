using Playground.Data.Events;
using Playground.Data.Functions;
using Playground.Data.Invocations;

namespace Playground.Data.History;

/// <summary>What the history writer queues: rows to add, sessions seen or forgotten, and flush barriers.</summary>
internal abstract record HistoryItem
{
    /// <summary>When it was queued (a <see cref="TimeProvider"/> timestamp): its flush deadline counts from here.</summary>
    public long QueuedAt { get; init; }

    public sealed record Invocation(StoredInvocation Row) : HistoryItem;

    public sealed record LifecycleEvent(StoredLifecycleEvent Row) : HistoryItem;

    public sealed record Function(StoredFunction Row) : HistoryItem;

    public sealed record SessionSeen(string SessionId, DateTimeOffset CreatedAt, DateTimeOffset LastSeenAt) : HistoryItem;

    /// <summary>Deletes the session with everything it owned; rows for it still queued behind are dropped.</summary>
    public sealed record ForgetSession(string SessionId) : HistoryItem;

    /// <summary>Completed once everything queued before it is committed.</summary>
    public sealed record Barrier(TaskCompletionSource Written) : HistoryItem;
}
