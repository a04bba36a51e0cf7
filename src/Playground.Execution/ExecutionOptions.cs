namespace Playground.Execution;

/// <summary>Settings of the execution contexts (section "Execution" of appsettings.json).</summary>
public sealed class ExecutionOptions
{
    public const string Section = "Execution";

    /// <summary>The runtime's entry assembly; by default <c>runtime/Playground.Runtime.dll</c> next to the app.</summary>
    public string? RuntimeAssembly { get; set; }

    /// <summary>The .NET installation whose Microsoft.NETCore.App runs the runtime; by default the one running the server.</summary>
    public string? DotnetRoot { get; set; }

    /// <summary>Path of bubblewrap; by default <c>bwrap</c> found on PATH.</summary>
    public string? BubblewrapPath { get; set; }

    /// <summary><c>auto</c> (cgroup v2, then cgroup v1, then signals), <c>cgroup2</c>, <c>cgroup1</c> or <c>signals</c>.</summary>
    public string Freezer { get; set; } = "auto";

    /// <summary>Where sockets and per-context folders live; by default a folder under the system's temp path.</summary>
    public string? RunDirectory { get; set; }

    /// <summary>Execution contexts kept started, with their runtime waiting, so a cold start does not wait for a process.</summary>
    public int PrestartedContexts { get; set; } = 2;

    /// <summary>A context is reclaimed after this long even when it is used all the time, as Lambda does after some hours.</summary>
    public TimeSpan MaxContextLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often idle and old contexts are looked for.</summary>
    public TimeSpan ReclaimSweepInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Lambda limits Init to 10 seconds.</summary>
    public TimeSpan InitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Between SIGTERM and SIGKILL when a context shuts down.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>How long a new runtime process may take to connect before its context is given up.</summary>
    public TimeSpan RuntimeStartTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Execution contexts alive on this server, all sessions together.</summary>
    public int MaxContexts { get; set; } = 600;

    /// <summary>Bytes of log kept per invocation; the rest is cut with a visible marker.</summary>
    public int MaxLogBytesPerInvocation { get; set; } = 256 * 1024;

    /// <summary>Lambda's synchronous response limit.</summary>
    public int MaxResponseBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>Event (asynchronous) invocations running at once, all sessions together.</summary>
    public int MaxConcurrentEventInvocations { get; set; } = 16;

    /// <summary>Event invocations waiting or running, all sessions together; past it, Event invokes are throttled.</summary>
    public int MaxQueuedEventInvocations { get; set; } = 1000;

    /// <summary>Lambda retries a failed asynchronous invocation twice.</summary>
    public int EventRetryAttempts { get; set; } = 2;

    /// <summary>Between attempts of an Event invocation (Lambda waits minutes; the playground keeps it watchable).</summary>
    public TimeSpan EventRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a throttled Event invocation keeps trying (Lambda: up to six hours).</summary>
    public TimeSpan EventThrottleRetryWindow { get; set; } = TimeSpan.FromMinutes(1);

    public string Region { get; set; } = "us-east-1";

    public string AccountId { get; set; } = "000000000000";
}
