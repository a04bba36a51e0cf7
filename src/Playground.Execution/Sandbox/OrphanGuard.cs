using System.Diagnostics;
using System.Runtime.Versioning;
using Playground.Execution.Freezing;

namespace Playground.Execution.Sandbox;

/// <summary>
/// A small shell that outlives the server by design: it waits for the server's end of a pipe to close, which
/// happens however the server ends, even by SIGKILL. Then it thaws, kills and removes what the server left. Without
/// it, a server killed while a context is frozen in a cgroup v1 freezer would leave that context behind: v1 frozen
/// processes do not die, even of SIGKILL, until they are thawed.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class OrphanGuard : IDisposable
{
    private readonly Process? process;

    private OrphanGuard(Process? process) => this.process = process;

    public static OrphanGuard Start(CgroupLayout? layout, string runDirectory)
    {
        var directories = layout is null
            ? []
            : layout.V1Directories.Values.Append(layout.V2Directory).OfType<string>().ToList();
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Script);
        start.ArgumentList.Add("orphan-guard");
        start.ArgumentList.Add(runDirectory);
        foreach (var directory in directories)
        {
            start.ArgumentList.Add(directory);
        }

        return new OrphanGuard(Process.Start(start));
    }

    /// <summary>The server cleaned up itself: the guard's sweep finds nothing and it exits.</summary>
    public void Dispose()
    {
        process?.StandardInput.Close();
        process?.Dispose();
    }

    // $1: the run directory; $2...: this server's cgroup directories. Signals that stop the server (a terminal's
    // Ctrl+C reaches the whole process group) must not stop the guard before it has done its work.
    private const string Script = """
        trap '' INT TERM HUP
        read -r _
        run="$1"; shift
        for base in "$@"; do
          for d in "$base"/*/; do
            [ -f "$d/freezer.state" ] && echo THAWED > "$d/freezer.state" 2>/dev/null
            [ -f "$d/cgroup.freeze" ] && echo 0 > "$d/cgroup.freeze" 2>/dev/null
            [ -f "$d/cgroup.kill" ] && echo 1 > "$d/cgroup.kill" 2>/dev/null
            for p in $(cat "$d/cgroup.procs" 2>/dev/null); do kill -9 "$p" 2>/dev/null; done
          done
        done
        sleep 0.5
        for base in "$@"; do
          for d in "$base"/*/; do rmdir "$d" 2>/dev/null; done
          rmdir "$base" 2>/dev/null
        done
        rm -rf "$run"
        """;
}
