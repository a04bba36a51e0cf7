using System.Globalization;

namespace Playground.Execution.Contexts;

/// <summary>Why an invocation was refused a context: Lambda's reason code, and a message naming the quota that was hit.</summary>
public sealed record Throttle(string Reason, string Message)
{
    public static Throttle ReservedConcurrency(int limit) => new(
        "ReservedFunctionConcurrentInvocationLimitExceeded",
        Invariant($"Rate Exceeded. The function's execution contexts are all busy: its reservedConcurrency is {limit}."));

    public static Throttle SessionContexts(int limit) => new(
        "ConcurrentInvocationLimitExceeded",
        Invariant($"Rate Exceeded. This session has {limit} execution contexts, its quota (Quotas:Session:MaxContexts); reclaim some, or wait until idle ones are reclaimed."));

    public static Throttle SessionStorage(long usedMb, int wantedMb, int limitMb) => new(
        "EphemeralStorageLimitExceeded",
        Invariant($"Rate Exceeded. This session's execution contexts hold {usedMb} MB of /tmp; another {wantedMb} MB would pass its quota of {limitMb} MB (Quotas:Session:MaxEphemeralStorageMb)."));

    public static Throttle ServerContexts(int limit) => new(
        "ConcurrentInvocationLimitExceeded",
        Invariant($"Rate Exceeded. The server runs {limit} execution contexts, its quota for all sessions (Quotas:Server:MaxContexts)."));

    public static Throttle ServerStorage(long usedMb, int wantedMb, int limitMb) => new(
        "EphemeralStorageLimitExceeded",
        Invariant($"Rate Exceeded. The server's execution contexts hold {usedMb} MB of /tmp; another {wantedMb} MB would pass its quota of {limitMb} MB for all sessions (Quotas:Server:MaxEphemeralStorageMb)."));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
