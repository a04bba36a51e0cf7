using System.Globalization;
using System.Runtime.Versioning;
using Playground.Execution.Freezing;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Limits;

/// <summary>
/// The kernel's limits on one execution context, set as Lambda sets them.
/// Memory: the function's memory plus its /tmp, because /tmp is a tmpfs whose pages are memory charged to whoever
/// writes them (a full /tmp must end in "No space left on device", not in the OOM killer). The function's own share
/// is held to its memory size by the .NET GC's heap hard limit (<see cref="SandboxEnvironment"/>); this limit is the
/// backstop for memory the GC does not manage.
/// Processes and threads: 1,024, Lambda's limit. CPU: proportional to memory, 1,769 MB being one vCPU, as a quota
/// per 100 ms period, so a 128 MB function really gets 7% of a CPU.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed record CgroupLimits(long MemoryBytes, int MaxProcesses, long CpuQuotaMicroseconds)
{
    public const int MaxProcessesAndThreads = 1024;
    public const int MegabytesPerVcpu = 1769;
    public const long CpuPeriodMicroseconds = 100_000;

    // The smallest quota the kernel accepts.
    private const long MinCpuQuotaMicroseconds = 1_000;

    public static CgroupLimits For(SandboxSpec spec) => new(
        ((long)spec.MemorySizeMb + spec.EphemeralStorageMb) * 1024 * 1024,
        MaxProcessesAndThreads,
        Math.Max(MinCpuQuotaMicroseconds, CpuPeriodMicroseconds * spec.MemorySizeMb / MegabytesPerVcpu));

    /// <summary>Writes every limit the host gives this context a controller for; returns the controllers limited.</summary>
    /// <exception cref="IOException">A controller is there but refused its limit.</exception>
    public List<string> ApplyTo(ContextCgroup cgroup)
    {
        var applied = new List<string>();
        switch (cgroup.VersionOf("memory"))
        {
            case CgroupVersion.V1:
                Write(cgroup, "memory", "memory.limit_in_bytes", MemoryBytes);
                // Without swap accounting there is no such file; with it, memory+swap gets the same limit: no swap.
                WriteIfPresent(cgroup, "memory", "memory.memsw.limit_in_bytes", MemoryBytes.ToString(CultureInfo.InvariantCulture));
                applied.Add("memory");
                break;
            case CgroupVersion.V2:
                Write(cgroup, "memory", "memory.max", MemoryBytes);
                WriteIfPresent(cgroup, "memory", "memory.swap.max", "0");
                applied.Add("memory");
                break;
        }

        if (cgroup.VersionOf("pids") is not CgroupVersion.None)
        {
            Write(cgroup, "pids", "pids.max", MaxProcesses);
            applied.Add("pids");
        }

        switch (cgroup.VersionOf("cpu"))
        {
            case CgroupVersion.V1:
                Write(cgroup, "cpu", "cpu.cfs_period_us", CpuPeriodMicroseconds);
                Write(cgroup, "cpu", "cpu.cfs_quota_us", CpuQuotaMicroseconds);
                applied.Add("cpu");
                break;
            case CgroupVersion.V2:
                File.WriteAllText(
                    Path.Join(cgroup.DirectoryOf("cpu"), "cpu.max"),
                    string.Create(CultureInfo.InvariantCulture, $"{CpuQuotaMicroseconds} {CpuPeriodMicroseconds}"));
                applied.Add("cpu");
                break;
        }

        return applied;
    }

    /// <summary>The vCPUs the context's quota amounts to, rounded up: what Environment.ProcessorCount shows inside.</summary>
    public static int Vcpus(int memorySizeMb) => Math.Max(1, (memorySizeMb + MegabytesPerVcpu - 1) / MegabytesPerVcpu);

    private static void Write(ContextCgroup cgroup, string controller, string file, long value) =>
        File.WriteAllText(Path.Join(cgroup.DirectoryOf(controller), file), value.ToString(CultureInfo.InvariantCulture));

    private static void WriteIfPresent(ContextCgroup cgroup, string controller, string file, string value)
    {
        var path = Path.Join(cgroup.DirectoryOf(controller), file);
        if (File.Exists(path))
        {
            File.WriteAllText(path, value);
        }
    }
}
