namespace Playground.Execution.Events;

/// <summary>One lifecycle event of one execution context; the optional fields are set where the type needs them.</summary>
public sealed record LifecycleEvent(
    LifecycleEventType Type, DateTimeOffset At, string SessionId, string FunctionName, string ContextId, int Version)
{
    public string? RequestId { get; init; }

    /// <summary>Init or invoke duration.</summary>
    public double? DurationMs { get; init; }

    /// <summary>Thawed: how long the context was frozen.</summary>
    public double? FrozenForMs { get; init; }

    /// <summary>Reclaimed: idle, lifetime, on-demand, new-version, chance, session-ended, shutdown, failed.</summary>
    public string? Reason { get; init; }

    /// <summary>Log: the text; Crashed and failures: what happened.</summary>
    public string? Text { get; init; }

    public long? TmpBytesUsed { get; init; }

    public long? TmpBytesQuota { get; init; }

    public bool? Cold { get; init; }
}
