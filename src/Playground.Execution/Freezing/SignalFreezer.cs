using System.Runtime.Versioning;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Freezing;

/// <summary>
/// Where no freezer is writable: SIGSTOP to every process of the context, SIGCONT to thaw. Stopping only
/// bubblewrap's pid would leave the handler running, so the whole tree is walked, and walked again until no new
/// process appeared while stopping (a handler may be forking at that moment).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class SignalFreezer : IFreezer
{
    public string Name => "signals";

    public CgroupVersion CgroupVersion => CgroupVersion.None;

    public void Prepare(CgroupLayout? layout)
    {
    }

    public void Freeze(FreezeTarget target)
    {
        var stopped = new HashSet<int>();
        for (var round = 0; round < 10; round++)
        {
            var found = Processes(target).Where(stopped.Add).ToList();
            if (found.Count == 0)
            {
                return;
            }

            foreach (var pid in found)
            {
                LinuxProcesses.Signal(pid, LinuxProcesses.SigStop);
            }
        }
    }

    public void Thaw(FreezeTarget target)
    {
        foreach (var pid in Processes(target))
        {
            LinuxProcesses.Signal(pid, LinuxProcesses.SigCont);
        }
    }

    private static List<int> Processes(FreezeTarget target) =>
        target.Cgroup?.Processes() is { Count: > 0 } inCgroup ? inCgroup : LinuxProcesses.Tree(target.RootProcessId);
}
