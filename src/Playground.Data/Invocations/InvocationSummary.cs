namespace Playground.Data.Invocations;

/// <summary>An invocation without its request, response and log: what a history list shows.</summary>
public sealed record InvocationSummary(
    long Id,
    string RequestId,
    string FunctionName,
    int Version,
    string? ContextId,
    bool Cold,
    string Status,
    string? ErrorType,
    DateTimeOffset StartedAt,
    double? InitDurationMs,
    double DurationMs,
    long BilledDurationMs,
    int MemorySizeMb,
    int MaxMemoryUsedMb)
{
    public static InvocationSummary Of(StoredInvocation invocation) => new(
        invocation.Id,
        invocation.RequestId,
        invocation.FunctionName,
        invocation.Version,
        invocation.ContextId,
        invocation.Cold,
        invocation.Status,
        invocation.ErrorType,
        invocation.StartedAt,
        invocation.InitDurationMs,
        invocation.DurationMs,
        invocation.BilledDurationMs,
        invocation.MemorySizeMb,
        invocation.MaxMemoryUsedMb);
}
