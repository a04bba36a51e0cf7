using System.Runtime.Versioning;
using Playground.Execution.Limits;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Contexts;

/// <summary>
/// What one execution context has used: its peak memory (Lambda's Max Memory Used: the environment's peak, never
/// lower than at an earlier invocation), the bytes in its /tmp, and how often the OOM killer has ended one of its
/// processes. Memory comes from the context's memory cgroup without its /tmp pages, which counts every process of
/// the context and survives the runtime's death, with the runtime process's own peak as a floor (and the only
/// figure where there is no memory controller).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ContextMetrics
{
    private int maxMemoryUsedMb;
    private long tmpBytesUsed;
    private long oomKillsSeen;
    private long lastCgroupPeak = -1;

    public int MaxMemoryUsedMb => Volatile.Read(ref maxMemoryUsedMb);

    public long TmpBytesUsed => Interlocked.Read(ref tmpBytesUsed);

    /// <param name="runtimePid">The runtime process while it is alive; 0 once it is gone.</param>
    public void ReadMemory(BubblewrapSandbox sandbox, int runtimePid)
    {
        // Invoked after every invocation: when the cgroup's peak has not moved, neither has anything else that counts.
        var cgroupPeak = CgroupMemoryCounters.ReadPeak(sandbox.Cgroup);
        if (cgroupPeak is { } unchanged && unchanged == lastCgroupPeak)
        {
            return;
        }

        lastCgroupPeak = cgroupPeak ?? -1;
        var peak = runtimePid > 0 ? LinuxProcesses.PeakResidentBytes(runtimePid) : 0;
        if (CgroupMemoryCounters.Read(sandbox.Cgroup) is { } counters)
        {
            peak = Math.Max(peak, counters.PeakWithoutTmpBytes);
        }

        var megabytes = (int)Math.Ceiling(peak / (1024.0 * 1024.0));
        if (megabytes > Volatile.Read(ref maxMemoryUsedMb))
        {
            Volatile.Write(ref maxMemoryUsedMb, megabytes);
        }
    }

    /// <summary>True when the OOM killer ended a process of the context since the last call.</summary>
    public bool TakeNewOomKills(BubblewrapSandbox sandbox)
    {
        if (CgroupMemoryCounters.Read(sandbox.Cgroup) is not { } counters || counters.OomKills <= oomKillsSeen)
        {
            return false;
        }

        oomKillsSeen = counters.OomKills;
        return true;
    }

    /// <summary>Reads the bytes in /tmp; returns the new figure when it changed since the last reading.</summary>
    public long? ReadTmp(BubblewrapSandbox sandbox)
    {
        if (sandbox.TmpBytesUsed() is not { } used || Interlocked.Exchange(ref tmpBytesUsed, used) == used)
        {
            return null;
        }

        return used;
    }
}
