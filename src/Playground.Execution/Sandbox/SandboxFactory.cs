using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Freezing;

namespace Playground.Execution.Sandbox;

/// <summary>Starts bubblewrap sandboxes: one folder (with the runtime's socket) and one cgroup per execution context.</summary>
[SupportedOSPlatform("linux")]
internal sealed class SandboxFactory : IDisposable
{
    private readonly ExecutionOptions options;
    private readonly Isolation isolation;
    private readonly RuntimeFiles files;
    private readonly ProcessSpawner spawner = new();
    private readonly ILogger logger;
    private readonly string runDirectory;
    private readonly string etcDirectory;
    private readonly OrphanGuard guard;

    public SandboxFactory(ExecutionOptions options, string instance, Isolation isolation, RuntimeFiles files, ILogger logger)
    {
        this.options = options;
        this.isolation = isolation;
        this.files = files;
        this.logger = logger;
        runDirectory = options.RunDirectory ?? Path.Join(Path.GetTempPath(), instance);
        Directory.CreateDirectory(runDirectory);
        etcDirectory = Path.Join(runDirectory, "etc");
        SandboxLayout.WriteEtc(etcDirectory);
        guard = OrphanGuard.Start(isolation.Cgroups, runDirectory);
    }

    // util-linux, present on every Debian system.
    private const string Setpriv = "/usr/bin/setpriv";

    public IFreezer Freezer => isolation.Freezer;

    public async Task<BubblewrapSandbox> StartAsync(string contextId, SandboxSpec spec, CancellationToken cancellationToken)
    {
        if (!isolation.CanRunHandlers)
        {
            throw new InvalidOperationException("no sandbox can be made on this host; see /healthz");
        }

        var directory = Path.Join(runDirectory, contextId);
        Directory.CreateDirectory(directory);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        ContextCgroup? cgroup = null;
        try
        {
            listener.Bind(new UnixDomainSocketEndPoint(Path.Join(directory, "runtime.sock")));
            listener.Listen(4);

            if (isolation.Cgroups is { } layout)
            {
                cgroup = ContextCgroup.Create(layout, withV2: isolation.Freezer.CgroupVersion == CgroupVersion.V2, contextId);
            }

            var tmpBytes = (long)spec.EphemeralStorageMb * 1024 * 1024;
            var start = StartInfo(cgroup, SandboxLayout.Arguments(files, directory, etcDirectory, tmpBytes));
            var process = await spawner.StartAsync(start);
            return new BubblewrapSandbox(contextId, spec, tmpBytes, directory, listener, cgroup, process, isolation.Freezer, options, logger);
        }
        catch
        {
            listener.Dispose();
            cgroup?.Remove();
            TryDeleteDirectory(directory);
            throw;
        }
    }

    public void Dispose()
    {
        guard.Dispose();
        spawner.Dispose();
        TryDeleteDirectory(runDirectory);
    }

    internal static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>
    /// bubblewrap itself is started by a one-line shell that first joins the context's cgroups, so that bubblewrap and
    /// every process it ever starts are counted, limited and frozen together.
    /// </summary>
    private ProcessStartInfo StartInfo(ContextCgroup? cgroup, List<string> bwrapArguments)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // bubblewrap's --die-with-parent covers the processes inside; setpriv gives bubblewrap itself a parent-death
        // signal, so that even a server killed with SIGKILL leaves no sandbox behind.
        if (cgroup is null)
        {
            start.FileName = Setpriv;
        }
        else
        {
            start.FileName = "/bin/sh";
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("for f in $PLAYGROUND_CGROUP_PROCS; do echo $$ > \"$f\" || exit 125; done; exec \"$@\"");
            start.ArgumentList.Add("join-cgroups");
            start.ArgumentList.Add(Setpriv);
            start.Environment["PLAYGROUND_CGROUP_PROCS"] = string.Join(' ', cgroup.ProcsFiles);
        }

        start.ArgumentList.Add("--pdeathsig");
        start.ArgumentList.Add("KILL");
        start.ArgumentList.Add(isolation.BubblewrapPath!);

        foreach (var argument in bwrapArguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
