using System.Globalization;
using System.Runtime.Versioning;
using Playground.Execution.Freezing;

namespace Playground.Execution.Limits;

/// <summary>
/// Limits on all execution contexts together, set on this server's own cgroup, the parent of every context's: the
/// kernel keeps the sum of their memory and of their processes below a share of the host's, so that however many
/// contexts fill up at once, the host and the server (which is not in that cgroup) keep what they need. Each
/// context's own limits (<see cref="CgroupLimits"/>) are far lower; these only bind when many are full at once.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed record ServerCgroupLimits(long MemoryBytes, int MaxProcesses)
{
    /// <param name="hostMemoryBytes">The memory the server sees: the host's, or its own cgroup's limit.</param>
    /// <param name="hostMaxTasks">The most tasks the kernel allows: kernel.pid_max and kernel.threads-max, the lower.</param>
    public static ServerCgroupLimits For(QuotaOptions.ServerQuotas quotas, long hostMemoryBytes, int hostMaxTasks) => new(
        hostMemoryBytes * Math.Clamp(quotas.MaxMemoryPercent, 1, 100) / 100,
        Math.Max(CgroupLimits.MaxProcessesAndThreads, (int)((long)hostMaxTasks * Math.Clamp(quotas.MaxProcessesPercent, 1, 100) / 100)));

    /// <summary>The host's figures, as this process sees them.</summary>
    public static ServerCgroupLimits ForThisHost(QuotaOptions.ServerQuotas quotas) =>
        For(quotas, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, Math.Min(KernelNumber("pid_max"), KernelNumber("threads-max")));

    /// <summary>Writes the limits into the server's cgroup of each controller there is; returns the controllers limited.</summary>
    /// <exception cref="IOException">A controller is there but refused its limit.</exception>
    public List<string> ApplyTo(CgroupLayout layout)
    {
        var applied = new List<string>();
        if (DirectoryOf(layout, "memory") is { } memory)
        {
            File.WriteAllText(Path.Join(memory, layout.V1Directories.ContainsKey("memory") ? "memory.limit_in_bytes" : "memory.max"), Text(MemoryBytes));
            applied.Add("memory");
        }

        if (DirectoryOf(layout, "pids") is { } pids)
        {
            File.WriteAllText(Path.Join(pids, "pids.max"), Text(MaxProcesses));
            applied.Add("pids");
        }

        return applied;
    }

    private static string? DirectoryOf(CgroupLayout layout, string controller) =>
        layout.V1Directories.TryGetValue(controller, out var v1) ? v1
        : layout.V2Controllers.Contains(controller) ? layout.V2Directory
        : null;

    private static int KernelNumber(string name)
    {
        try
        {
            return int.Parse(File.ReadAllText($"/proc/sys/kernel/{name}").Trim(), CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            return 32768;
        }
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
