namespace Playground.Execution;

/// <summary>
/// What one session, and the whole server, may take (section "Quotas" of appsettings.json). The limits of a single
/// invocation (payload, response, log bytes) are Lambda's and live with the API and the execution settings.
/// </summary>
public sealed class QuotaOptions
{
    public const string Section = "Quotas";

    public SessionQuotas Session { get; set; } = new();

    public ServerQuotas Server { get; set; } = new();

    public sealed class SessionQuotas
    {
        /// <summary>Execution contexts alive in one session, all its functions together.</summary>
        public int MaxContexts { get; set; } = 20;

        /// <summary>The /tmp sizes of a session's live contexts added up (a tmpfs is memory once written).</summary>
        public int MaxEphemeralStorageMb { get; set; } = 10_240;

        /// <summary>Invoke API calls one session may make per minute.</summary>
        public int InvocationsPerMinute { get; set; } = 1_200;
    }

    public sealed class ServerQuotas
    {
        /// <summary>Execution contexts alive on this server, all sessions together.</summary>
        public int MaxContexts { get; set; } = 600;

        /// <summary>The /tmp sizes of every live context added up: what their tmpfs could take of the host's memory.</summary>
        public int MaxEphemeralStorageMb { get; set; } = 102_400;

        /// <summary>The share of the host's memory all contexts together may hold, enforced by the kernel on the server's cgroup.</summary>
        public int MaxMemoryPercent { get; set; } = 80;

        /// <summary>The share of the host's processes and threads all contexts together may run, likewise.</summary>
        public int MaxProcessesPercent { get; set; } = 50;
    }
}
