using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Playground.Execution.Freezing;

namespace Playground.Execution.Sandbox;

/// <summary>
/// One running sandbox: bubblewrap with its namespaces, tmpfs /tmp and cgroups, and the supervisor loop inside that
/// starts runtime processes on request. It outlives its runtime processes; only disposing it ends /tmp. (In the
/// unsandboxed development mode, the same without bubblewrap.)
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class BubblewrapSandbox : IAsyncDisposable
{
    private readonly string directory;
    private readonly Socket listener;
    private readonly Process process;
    private readonly IFreezer freezer;
    private readonly ExecutionOptions options;
    private readonly ILogger logger;
    private readonly Channel<int> runtimeExits = Channel.CreateUnbounded<int>();
    private readonly Task exited;
    private int supervisorPid;
    private int disposed;

    public BubblewrapSandbox(
        string contextId, SandboxSpec spec, long tmpBytesQuota, string directory, Socket listener, ContextCgroup? cgroup,
        Process process, IFreezer freezer, ExecutionOptions options, ILogger logger)
    {
        ContextId = contextId;
        Spec = spec;
        TmpBytesQuota = tmpBytesQuota;
        Cgroup = cgroup;
        this.directory = directory;
        this.listener = listener;
        this.process = process;
        this.freezer = freezer;
        this.options = options;
        this.logger = logger;
        exited = process.WaitForExitAsync();
        _ = ReadSupervisorAsync();
        _ = ReadBubblewrapErrorsAsync();
    }

    public string ContextId { get; }

    public SandboxSpec Spec { get; }

    /// <summary>The size of the context's /tmp tmpfs; 0 where there is none (the unsandboxed mode).</summary>
    public long TmpBytesQuota { get; }

    public ContextCgroup? Cgroup { get; }

    /// <summary>The sandbox ended: bubblewrap exited, with every process inside.</summary>
    public Task Exited => exited;

    /// <summary>Lines the runtime wrote to its native stdout/stderr (the .NET runtime's own crash messages among them).</summary>
    public Action<string>? OutputLine { get; set; }

    /// <summary>The function's output from the runtime's Log frames: request id (null between invocations) and text.</summary>
    public Action<string?, string>? RuntimeLog { get; set; }

    public FreezeTarget FreezeTarget => new(Cgroup, process.Id);

    public void Freeze() => freezer.Freeze(FreezeTarget);

    public void Thaw() => freezer.Thaw(FreezeTarget);

    /// <summary>Asks the supervisor for a new runtime process and waits until it has connected and said hello.</summary>
    public async Task<RuntimeConnection> StartRuntimeAsync(int maxFrameBytes, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RuntimeStartTimeout);
        try
        {
            DropStaleConnections();
            await process.StandardInput.WriteLineAsync();
            await process.StandardInput.FlushAsync(timeout.Token);
            var accept = RuntimeConnection.AcceptAsync(listener, maxFrameBytes, (requestId, text) => RuntimeLog?.Invoke(requestId, text), timeout.Token);
            var first = await Task.WhenAny(accept, exited);
            if (first != accept)
            {
                throw new RuntimeLostException($"the sandbox ended before its runtime started (bubblewrap exit code {process.ExitCode})");
            }

            var connection = await accept;
            if (supervisorPid == 0)
            {
                supervisorPid = LinuxProcesses.ParentOf(connection.ProcessId);
            }

            return connection;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new RuntimeLostException($"the runtime did not start within {options.RuntimeStartTimeout.TotalSeconds:0.#} s");
        }
        catch (IOException exception)
        {
            throw new RuntimeLostException($"the sandbox is gone: {exception.Message}");
        }
    }

    /// <summary>How the next runtime process to end ended (a wait status as the shell reports it), or null if unknown in time.</summary>
    public async Task<int?> NextRuntimeExitAsync(TimeSpan wait)
    {
        using var timeout = new CancellationTokenSource(wait);
        try
        {
            return await runtimeExits.Reader.ReadAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ChannelClosedException)
        {
            return null;
        }
    }

    /// <summary>Forgets exit reports of runtime processes the host ended on purpose.</summary>
    public void DiscardRuntimeExits()
    {
        while (runtimeExits.Reader.TryRead(out _))
        {
        }
    }

    /// <summary>
    /// Bytes used in the context's /tmp, read through the supervisor (its /proc/&lt;pid&gt;/root), which lives as
    /// long as the sandbox: the figure is there after a crash too. Null when it cannot be read.
    /// </summary>
    public long? TmpBytesUsed()
    {
        if (TmpBytesQuota == 0 || supervisorPid == 0)
        {
            return null;
        }

        try
        {
            var drive = new DriveInfo($"/proc/{supervisorPid}/root/tmp");
            return drive.TotalSize - drive.TotalFreeSpace;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>
    /// Lets the supervisor run if a handler stopped it (ptrace attaches with a SIGSTOP, and the stop outlives the
    /// tracer): it must run to report how the runtime ended and to start the next one.
    /// </summary>
    public void ResumeSupervisor() => LinuxProcesses.Signal(supervisorPid, LinuxProcesses.SigCont);

    /// <summary>
    /// Ends every process of the context except the sandbox's own (bubblewrap and the supervisor): the runtime and
    /// whatever it started, so that a reset leaves no fork bomb, background process or stray connection behind.
    /// Each round freezes the context first, so nothing can fork while it is being killed.
    /// </summary>
    public async Task EndRuntimeProcessesAsync()
    {
        for (var round = 0; round < 50; round++)
        {
            var targets = Processes().Where(pid => pid != process.Id && pid != supervisorPid).ToList();
            if (targets.Count == 0)
            {
                ResumeSupervisor();
                return;
            }

            TryFreezing(Freeze);
            foreach (var pid in targets)
            {
                LinuxProcesses.Signal(pid, LinuxProcesses.SigKill);
            }

            TryFreezing(Thaw);
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        logger.LogWarning("Sandbox {Context}: processes were still alive after the reset", ContextId);
    }

    /// <summary>Thaw, SIGTERM, a short grace, SIGKILL; then the cgroups and the folder go.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            await exited.ConfigureAwait(false);
            return;
        }

        listener.Dispose();
        try
        {
            Thaw();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
        }

        if (!exited.IsCompleted)
        {
            process.StandardInput.Close();
            SignalAll(LinuxProcesses.SigTerm);
            await Task.WhenAny(exited, Task.Delay(options.ShutdownGrace)).ConfigureAwait(false);
        }

        if (!exited.IsCompleted)
        {
            SignalAll(LinuxProcesses.SigKill);
            await Task.WhenAny(exited, Task.Delay(TimeSpan.FromSeconds(5))).ConfigureAwait(false);
        }

        // Processes that left bubblewrap's tree (none should) are still in the cgroup.
        if (Cgroup is not null)
        {
            foreach (var pid in Cgroup.Processes())
            {
                LinuxProcesses.Signal(pid, LinuxProcesses.SigKill);
            }

            Cgroup.Remove();
        }

        process.Dispose();
        runtimeExits.Writer.TryComplete();
        SandboxFactory.TryDeleteDirectory(directory);
    }

    private void SignalAll(int signal)
    {
        foreach (var pid in Processes())
        {
            LinuxProcesses.Signal(pid, signal);
        }
    }

    private List<int> Processes() => Cgroup?.Processes() is { Count: > 0 } inCgroup ? inCgroup : LinuxProcesses.Tree(process.Id);

    private void TryFreezing(Action action)
    {
        try
        {
            action();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
        }
    }

    /// <summary>
    /// Connections waiting on the runtime socket that no runtime made (a handler may connect to its own socket and
    /// wait): a new runtime must not be mistaken for one of them.
    /// </summary>
    private void DropStaleConnections()
    {
        while (listener.Poll(0, SelectMode.SelectRead))
        {
            listener.Accept().Dispose();
        }
    }

    private async Task ReadSupervisorAsync()
    {
        try
        {
            var reader = new BoundedLineReader(process.StandardOutput);
            while (await reader.ReadLineAsync() is { } line)
            {
                var marker = line.IndexOf(SandboxLayout.ExitMarker, StringComparison.Ordinal);
                if (marker >= 0 && int.TryParse(line.AsSpan(marker + SandboxLayout.ExitMarker.Length), out var status))
                {
                    if (marker > 0)
                    {
                        OutputLine?.Invoke(line[..marker]);
                    }

                    runtimeExits.Writer.TryWrite(status);
                    continue;
                }

                OutputLine?.Invoke(line);
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }

    private async Task ReadBubblewrapErrorsAsync()
    {
        // bubblewrap's own messages; the sandbox's processes cannot reach this pipe, but it is read as warily.
        const int MaxLogged = 20;
        try
        {
            var reader = new BoundedLineReader(process.StandardError, maxLineChars: 1024);
            var logged = 0;
            while (await reader.ReadLineAsync() is { } line)
            {
                if (++logged <= MaxLogged)
                {
                    logger.LogWarning("Sandbox {Context}: {Line}", ContextId, line);
                }
            }
        }
        catch (Exception exception) when (exception is IOException or ObjectDisposedException or InvalidOperationException)
        {
        }
    }
}
