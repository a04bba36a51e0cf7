namespace Playground.Execution.Invocations;

/// <summary>How an invocation went, with everything Lambda's REPORT line and the history need.</summary>
public sealed record InvocationResult
{
    public required string RequestId { get; init; }

    public required InvocationStatus Status { get; init; }

    /// <summary>The response JSON, or the error JSON (<c>errorMessage</c>, <c>errorType</c>, <c>stackTrace</c>).</summary>
    public required byte[] Payload { get; init; }

    public string? ErrorType { get; init; }

    public required string FunctionName { get; init; }

    public required int Version { get; init; }

    public string? ContextId { get; init; }

    public bool Cold { get; init; }

    public double? InitDurationMs { get; init; }

    public double DurationMs { get; init; }

    public long BilledDurationMs { get; init; }

    public int MemorySizeMb { get; init; }

    public int MaxMemoryUsedMb { get; init; }

    public required string Log { get; init; }

    public bool LogTruncated { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>For a throttle: Lambda's reason, e.g. ReservedFunctionConcurrentInvocationLimitExceeded.</summary>
    public string? ThrottleReason { get; init; }

    /// <summary>For a throttle: the message, naming the limit or quota that was hit.</summary>
    public string? ThrottleMessage { get; init; }

    public bool IsFunctionError => Status is InvocationStatus.FunctionError or InvocationStatus.Timeout or InvocationStatus.Crash;
}
