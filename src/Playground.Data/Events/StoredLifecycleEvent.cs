namespace Playground.Data.Events;

/// <summary>One lifecycle event of one execution context, with the fields its type sets.</summary>
public sealed class StoredLifecycleEvent
{
    public long Id { get; set; }

    public required string SessionId { get; set; }

    public required string FunctionName { get; set; }

    public required string ContextId { get; set; }

    public int Version { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset At { get; set; }

    public string? RequestId { get; set; }

    public double? DurationMs { get; set; }

    public double? FrozenForMs { get; set; }

    public string? Reason { get; set; }

    /// <summary>A log line or what failed; cut to a configured size with a visible marker.</summary>
    public string? Text { get; set; }

    public long? TmpBytesUsed { get; set; }

    public long? TmpBytesQuota { get; set; }

    public bool? Cold { get; set; }
}
