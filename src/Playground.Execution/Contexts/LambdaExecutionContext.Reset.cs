using System.Globalization;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Invocations;
using Playground.Execution.Limits;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Contexts;

/// <summary>
/// Resets: after a timeout, a crash or running out of memory, the runtime process and everything it started are
/// ended and a fresh runtime is started in the same sandbox, so the next invoke runs Init again while /tmp stays.
/// </summary>
public sealed partial class LambdaExecutionContext
{
    /// <summary>Starts the reset; the next invoke waits for the new runtime if it has to.</summary>
    /// <param name="killRuntime">The old runtime is still alive, and its exit is to be awaited once it is killed.</param>
    /// <param name="dead">The old runtime's connection when it is no longer <see cref="runtime"/>.</param>
    private void StartReset(bool killRuntime, RuntimeConnection? dead = null)
    {
        var old = runtime ?? dead;
        runtime = null;
        initialized = false;
        Resets++;
        State = ContextState.Resetting;
        var sandboxNow = sandbox!;
        runtimeStarting = Task.Run(async () =>
        {
            await sandboxNow.EndRuntimeProcessesAsync();
            if (killRuntime)
            {
                await sandboxNow.NextRuntimeExitAsync(TimeSpan.FromSeconds(5));
            }

            // Whatever report is left belongs to a runtime that is gone; the next crash must not read it as its own.
            sandboxNow.DiscardRuntimeExits();

            if (old is not null)
            {
                await old.DisposeAsync();
            }

            return await sandboxNow.StartRuntimeAsync(MaxFrameBytes, CancellationToken.None);
        });
        State = ContextState.Idle;
    }

    /// <summary>
    /// A handler's OutOfMemoryException reached the runtime: its heap limit is reached and whatever it keeps alive
    /// would fail the next invocation too. The runtime is replaced, as the kernel would have replaced it.
    /// </summary>
    private void ResetAfterOutOfMemory(string requestId, InvocationLog log)
    {
        var configuration = FunctionVersion.Configuration;
        var heapMb = SandboxEnvironment.HeapHardLimitBytes(configuration.MemorySize) / (1024 * 1024);
        log.AppendLine(string.Create(
            CultureInfo.InvariantCulture,
            $"RequestId: {requestId} Error: the function ran out of memory (its GC heap may use {heapMb} MB of its {configuration.MemorySize} MB); the runtime is restarted and the next invoke runs Init again."));
        if (Frozen)
        {
            // The reply froze the context; the runtime's processes must run to be killed.
            try
            {
                sandbox!.Thaw();
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                services.Logger.LogWarning(exception, "Context {Context} could not be thawed for its reset", Id);
            }

            Frozen = false;
            FrozenSince = null;
        }

        StartReset(killRuntime: true);
    }

    /// <summary>Why the runtime is gone, for the log: the kernel's OOM killer, when it was the one.</summary>
    private void ExplainLostRuntime(InvocationLog log)
    {
        if (metrics.TakeNewOomKills(sandbox!))
        {
            var limits = CgroupLimits.For(sandbox!.Spec);
            log.AppendLine(string.Create(
                CultureInfo.InvariantCulture,
                $"The execution context ran out of memory: its processes reached the kernel's limit of {limits.MemoryBytes / (1024 * 1024)} MB (memory {sandbox.Spec.MemorySizeMb} MB + /tmp {sandbox.Spec.EphemeralStorageMb} MB) and the OOM killer ended the runtime."));
        }
    }

    /// <summary>
    /// How a runtime whose connection was lost ended. A runtime that is still running (it broke the protocol, or the
    /// host closed its socket) gets a moment to end by itself; if it does not, it has no exit status yet, and the
    /// reset kills it.
    /// </summary>
    private async Task<(int? Status, bool StillRunning)> RuntimeExitAsync(RuntimeConnection? lost)
    {
        sandbox!.ResumeSupervisor();

        // Right after its socket closed, a runtime the kernel is ending (the OOM killer, a signal) can still look
        // alive for a moment: give it a moment, then tell a runtime that really lives on (it broke the protocol and
        // must be killed) from one on its way out, whose exit report comes once it is gone, however busy the host.
        // (Its exit takes CPU too, and a context's CPU quota may be a seventh of a CPU.)
        for (var waited = 0; waited < 10; waited++)
        {
            if (await sandbox.NextRuntimeExitAsync(TimeSpan.FromMilliseconds(200)) is { } status)
            {
                return (status, false);
            }

            if (lost is null || !LinuxProcesses.IsRunning(lost.ProcessId))
            {
                return (await sandbox.NextRuntimeExitAsync(TimeSpan.FromSeconds(5)), false);
            }
        }

        return (null, true);
    }

    private async Task<RuntimeConnection> RuntimeAsync(CancellationToken cancellationToken)
    {
        if (runtime is not null)
        {
            return runtime;
        }

        var starting = runtimeStarting ?? sandbox!.StartRuntimeAsync(MaxFrameBytes, cancellationToken);
        runtimeStarting = null;
        runtime = await starting.WaitAsync(cancellationToken);
        return runtime;
    }
}
