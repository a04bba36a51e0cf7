namespace Playground.Data.Invocations;

/// <summary>
/// One finished invocation. Request, response and log are kept up to a configured size; a cut one ends with a
/// visible marker and has its Truncated flag set.
/// </summary>
public sealed class StoredInvocation
{
    /// <summary>Order of arrival: newest first is highest first, and it is the paging cursor.</summary>
    public long Id { get; set; }

    public required string RequestId { get; set; }

    public required string SessionId { get; set; }

    public required string FunctionName { get; set; }

    public int Version { get; set; }

    public string? ContextId { get; set; }

    public bool Cold { get; set; }

    /// <summary>Success, FunctionError, Timeout, Crash or Throttled.</summary>
    public required string Status { get; set; }

    public string? ErrorType { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public double? InitDurationMs { get; set; }

    public double DurationMs { get; set; }

    public long BilledDurationMs { get; set; }

    public int MemorySizeMb { get; set; }

    public int MaxMemoryUsedMb { get; set; }

    public required string Request { get; set; }

    public bool RequestTruncated { get; set; }

    public required string Response { get; set; }

    public bool ResponseTruncated { get; set; }

    public required string Log { get; set; }

    public bool LogTruncated { get; set; }
}
