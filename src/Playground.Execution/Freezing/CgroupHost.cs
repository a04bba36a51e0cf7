namespace Playground.Execution.Freezing;

/// <summary>
/// Where this process learns about cgroups: its mount table and its cgroup membership. The real ones are under
/// /proc/self; tests point them at a fake tree to exercise the code paths of a host they do not run on (cgroup v2).
/// </summary>
internal sealed record CgroupHost(string MountInfoPath, string OwnCgroupPath, int ProcessId)
{
    public static CgroupHost Current { get; } = new("/proc/self/mountinfo", "/proc/self/cgroup", Environment.ProcessId);
}
