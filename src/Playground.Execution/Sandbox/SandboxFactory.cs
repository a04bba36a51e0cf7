using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Freezing;
using Playground.Execution.Limits;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Starts sandboxes: per execution context a folder with the runtime's socket (owned by the sandbox's host user, the
/// only one who may connect), a cgroup with the context's limits, and bubblewrap (or, in the unsandboxed development
/// mode, the bare supervisor).
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class SandboxFactory : IDisposable
{
    // Joins every cgroup named before "--", then becomes the command after it: bubblewrap and every process it
    // ever starts are counted, limited and frozen together from their first instruction.
    private const string JoinCgroups = "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";

    private readonly ExecutionOptions options;
    private readonly Isolation isolation;
    private readonly RuntimeFiles files;
    private readonly ProcessSpawner spawner = new();
    private readonly ILogger logger;
    private readonly string runDirectory;
    private readonly string etcDirectory;
    private readonly IReadOnlyList<string> hiddenPaths;
    private readonly OrphanGuard guard;

    public SandboxFactory(ExecutionOptions options, string instance, Isolation isolation, RuntimeFiles files, ILogger logger)
    {
        this.options = options;
        this.isolation = isolation;
        this.logger = logger;
        runDirectory = options.RunDirectory ?? Path.Join(Path.GetTempPath(), instance);
        // Others on the host may pass through to what a sandbox binds, but not list the contexts.
        Directory.CreateDirectory(runDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        etcDirectory = Path.Join(runDirectory, "etc");
        SandboxLayout.WriteEtc(etcDirectory);
        this.files = StagedRuntime.Copy(files, runDirectory);
        hiddenPaths = new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, files.RuntimeDirectory }
            .Select(path => Path.GetFullPath(path).TrimEnd('/'))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        guard = OrphanGuard.Start(isolation.Cgroups, runDirectory);
    }

    public IFreezer Freezer => isolation.Freezer;

    public async Task<BubblewrapSandbox> StartAsync(string contextId, SandboxSpec spec, CancellationToken cancellationToken)
    {
        if (!isolation.CanRunHandlers)
        {
            throw new InvalidOperationException("no sandbox can be made on this host; see /healthz");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var directory = Path.Join(runDirectory, contextId);
        Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        ContextCgroup? cgroup = null;
        try
        {
            var socketPath = Path.Join(directory, "runtime.sock");
            listener.Bind(new UnixDomainSocketEndPoint(socketPath));
            listener.Listen(4);
            if (isolation.HostUser is { } user)
            {
                LinuxFiles.Chown(directory, user.Uid, user.Gid);
                LinuxFiles.Chown(socketPath, user.Uid, user.Gid);
            }

            if (isolation.Cgroups is { } layout)
            {
                cgroup = ContextCgroup.Create(layout, withV2: isolation.Freezer.CgroupVersion == CgroupVersion.V2, contextId);
                CgroupLimits.For(spec).ApplyTo(cgroup!);
            }

            var tmpBytes = (long)spec.EphemeralStorageMb * 1024 * 1024;
            var start = isolation.IsSandboxed
                ? StartInfo(cgroup, BubblewrapProbe.Command(isolation.BubblewrapPath!, isolation.HostUser,
                    SandboxLayout.Arguments(files, directory, etcDirectory, spec, isolation.DisablesNestedUserNamespaces, hiddenPaths)))
                : StartInfo(cgroup, UnsandboxedCommand.Arguments(files), UnsandboxedCommand.Environment(files, spec, socketPath));
            var process = await spawner.StartAsync(start);
            return new BubblewrapSandbox(
                contextId, spec, isolation.IsSandboxed ? tmpBytes : 0, directory, listener, cgroup, process, isolation.Freezer, options, logger);
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
    /// A one-line shell joins the context's cgroups, then becomes setpriv, which drops to the sandbox's host user
    /// (when there is one) and then sets a parent-death signal (a change of user would clear it): even a server
    /// killed with SIGKILL leaves no sandbox behind; bubblewrap's --die-with-parent covers the processes inside. The
    /// environment is empty: no process of a sandbox may inherit the server's (its connection strings, its keys).
    /// </summary>
    private static ProcessStartInfo StartInfo(ContextCgroup? cgroup, List<string> command, List<(string Name, string Value)>? environment = null)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment.Clear();
        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(JoinCgroups);
        start.ArgumentList.Add("join-cgroups");
        foreach (var procs in cgroup?.ProcsFiles ?? [])
        {
            start.ArgumentList.Add(procs);
        }

        start.ArgumentList.Add("--");
        start.ArgumentList.Add(BubblewrapProbe.Setpriv);
        start.ArgumentList.Add("--pdeathsig");
        start.ArgumentList.Add("KILL");
        foreach (var argument in command)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }
}
