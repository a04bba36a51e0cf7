namespace Playground.Execution.Contexts;

/// <summary>Why an execution context was reclaimed, as events and the page name it.</summary>
public static class ReclaimReasons
{
    public const string Idle = "idle";
    public const string Lifetime = "lifetime";
    public const string OnDemand = "on-demand";
    public const string NewVersion = "new-version";
    public const string Chance = "chance";
    public const string SessionEnded = "session-ended";
    public const string Shutdown = "shutdown";
    public const string Failed = "failed";
}
