using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Playground.Execution.Events;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Execution.Sandbox;
using Playground.Runtime.Protocol;

namespace Playground.Execution.Contexts;

/// <summary>
/// One execution context: a sandbox with its /tmp and cgroup, and the runtime process inside that ran the function's
/// Init and serves one invocation at a time. Frozen as soon as a response arrives, thawed before the next invoke.
/// A timeout or crash resets it (a fresh runtime process runs Init at the next invoke; /tmp stays); only a reclaim
/// ends the sandbox.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class LambdaExecutionContext
{
    private readonly ContextServices services;
    private readonly LogEventLimiter logEvents;
    private BubblewrapSandbox? sandbox;
    private RuntimeConnection? runtime;
    private Task<RuntimeConnection>? runtimeStarting;
    private bool initialized;
    private long initClockStart;
    private volatile InvocationLog? currentLog;
    private volatile string? currentRequestId;
    private readonly ContextMetrics metrics = new();
    private int reclaiming;

    internal LambdaExecutionContext(string id, FunctionVersion version, ContextServices services)
    {
        Id = id;
        FunctionVersion = version;
        this.services = services;
        logEvents = new LogEventLimiter(services.Time);
        CreatedAt = services.Time.GetUtcNow();
        initClockStart = services.Time.GetTimestamp();
        LogStreamName = $"{CreatedAt:yyyy/MM/dd}/[{version.Number}]{id}";
    }

    public string Id { get; }

    internal FunctionVersion FunctionVersion { get; }

    public int Version => FunctionVersion.Number;

    public ContextState State { get; private set; } = ContextState.Starting;

    public DateTimeOffset CreatedAt { get; }

    public DateTimeOffset? LastUsedAt { get; private set; }

    public int Invocations { get; private set; }

    public int Resets { get; private set; }

    public bool Frozen { get; private set; }

    public DateTimeOffset? FrozenSince { get; private set; }

    public string LogStreamName { get; }

    /// <summary>Set when the context must be reclaimed as soon as its current invocation ends.</summary>
    internal string? PendingReclaim { get; set; }

    internal bool IsAlive => State is not (ContextState.ShuttingDown or ContextState.Gone);

    /// <summary>Completes when the sandbox ended on its own (not by a reclaim).</summary>
    internal Task? SandboxExited => sandbox?.Exited;

    /// <summary>The context as it is now; /tmp is measured afresh, since the invoke path only measures it afterwards.</summary>
    public ContextSnapshot Snapshot()
    {
        MeasureTmp();
        return new(
            Id, State, Version, Invocations, CreatedAt, LastUsedAt, Frozen, FrozenSince,
            metrics.TmpBytesUsed, TmpBytesQuota, metrics.MaxMemoryUsedMb, Resets);
    }

    internal void MarkBusy() => State = State == ContextState.Starting ? ContextState.Starting : ContextState.Busy;

    /// <summary>Brings the sandbox up, from a pre-started spare when one fits, and its first runtime process.</summary>
    internal async Task StartAsync(SandboxSpares.Spare? spare, CancellationToken cancellationToken)
    {
        Publish(LifecycleEventType.ContextCreated);
        if (spare is not null)
        {
            Attach(spare.Sandbox);
            runtime = spare.Runtime;
            return;
        }

        var spec = new SandboxSpec(FunctionVersion.Configuration.EphemeralStorageSize, FunctionVersion.Configuration.MemorySize);
        Attach(await services.Sandboxes.StartAsync(Id, spec, cancellationToken));
        runtime = await sandbox!.StartRuntimeAsync(MaxFrameBytes, cancellationToken);
    }

    internal async Task<InvocationResult> InvokeAsync(string requestId, InvocationRequest request, CancellationToken cancellationToken)
    {
        var configuration = FunctionVersion.Configuration;
        var startedAt = services.Time.GetUtcNow();
        State = ContextState.Busy;
        ThawIfFrozen();
        LastUsedAt = startedAt;

        var log = new InvocationLog(services.Options.MaxLogBytesPerInvocation);
        currentLog = log;
        currentRequestId = requestId;
        var cold = !initialized;
        double? initDurationMs = null;
        try
        {
            if (!initialized)
            {
                // After a reset the new runtime process started in the background, as a spare does: this invoke's
                // Init is timed from its own start (waiting for that runtime, if it must, included), never from the
                // reset, which may have been long ago. A new context's Init counts from its creation.
                if (Resets > 0)
                {
                    initClockStart = services.Time.GetTimestamp();
                }

                var init = await InitializeAsync(log, cancellationToken);
                initDurationMs = init.DurationMs;
                if (init.Error is { } initError)
                {
                    log.AppendLine(LambdaLogLines.Start(requestId, Version));
                    return Finish(requestId, startedAt, log, cold, initDurationMs, 0, InvocationStatus.FunctionError, initError.Type, initError.Payload);
                }
            }

            Publish(LifecycleEventType.InvokeStarted, requestId, cold: cold);
            log.AppendLine(LambdaLogLines.Start(requestId, Version));
            return await RunHandlerAsync(requestId, request, log, startedAt, cold, initDurationMs, configuration, cancellationToken);
        }
        finally
        {
            currentLog = null;
            currentRequestId = null;
            Invocations++;
        }
    }

    /// <summary>Ends the sandbox: thaw, SIGTERM, grace, SIGKILL; /tmp goes with it.</summary>
    internal async Task ReclaimAsync(string reason)
    {
        if (Interlocked.Exchange(ref reclaiming, 1) == 1)
        {
            return;
        }

        State = ContextState.ShuttingDown;
        Publish(LifecycleEventType.Reclaimed, reason: reason);
        if (runtime is not null)
        {
            await runtime.DisposeAsync();
        }

        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        Frozen = false;
        State = ContextState.Gone;
        Publish(LifecycleEventType.Gone, reason: reason);
    }

    /// <summary>The sandbox ended by itself (bubblewrap died): the context is gone.</summary>
    internal async Task LoseAsync()
    {
        if (Interlocked.Exchange(ref reclaiming, 1) == 1)
        {
            return;
        }

        Publish(LifecycleEventType.Crashed, text: "the sandbox ended unexpectedly");
        State = ContextState.ShuttingDown;
        if (sandbox is not null)
        {
            await sandbox.DisposeAsync();
        }

        State = ContextState.Gone;
        Publish(LifecycleEventType.Gone, reason: ReclaimReasons.Failed);
    }

    private int MaxFrameBytes => services.Options.MaxResponseBytes + 64 * 1024;

    /// <summary>The size of the context's /tmp: its sandbox's tmpfs (none in the unsandboxed mode).</summary>
    private long TmpBytesQuota => sandbox?.TmpBytesQuota ?? (long)FunctionVersion.Configuration.EphemeralStorageSize * 1024 * 1024;

    private void Attach(BubblewrapSandbox started)
    {
        sandbox = started;
        sandbox.OutputLine = OnOutputLine;
        sandbox.RuntimeLog = OnRuntimeLog;
    }

    private void FreezeNow()
    {
        try
        {
            sandbox!.Freeze();
            Frozen = true;
            FrozenSince = services.Time.GetUtcNow();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            services.Logger.LogWarning(exception, "Context {Context} could not be frozen", Id);
        }
    }

    private void ThawIfFrozen()
    {
        if (!Frozen)
        {
            return;
        }

        try
        {
            sandbox!.Thaw();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            services.Logger.LogWarning(exception, "Context {Context} could not be thawed", Id);
        }

        var frozenFor = services.Time.GetUtcNow() - FrozenSince!.Value;
        Frozen = false;
        FrozenSince = null;
        Publish(LifecycleEventType.Thawed, frozenForMs: frozenFor.TotalMilliseconds);
    }

    private double ElapsedSinceInitStart() => services.Time.GetElapsedTime(initClockStart).TotalMilliseconds;

    private void MeasureTmp()
    {
        if (sandbox is not null && metrics.ReadTmp(sandbox) is { } used)
        {
            Publish(LifecycleEventType.TmpUsage, tmpBytesUsed: used);
        }
    }

    private void OnOutputLine(string line)
    {
        if (currentLog is { } log)
        {
            log.AppendLine(line);
        }
        else
        {
            PublishOutput(line + "\n");
        }
    }

    private void OnRuntimeLog(string? requestId, string text)
    {
        // While an invocation (with its Init) runs, untagged output (Init, background work) belongs to its log, as
        // in Lambda's log stream; between invocations it belongs to the context.
        if (currentLog is { } log && (requestId is null || requestId == currentRequestId))
        {
            log.Append(text);
        }
        else
        {
            PublishOutput(text);
        }
    }

    private void PublishOutput(string text)
    {
        if (logEvents.TryTake())
        {
            Publish(LifecycleEventType.Log, text: text);
        }
    }

    private string FunctionArn => FunctionLoad.FunctionArn(FunctionVersion, services.Options);

    private void Publish(
        LifecycleEventType type, string? requestId = null, double? durationMs = null, double? frozenForMs = null, string? reason = null,
        string? text = null, long? tmpBytesUsed = null, bool? cold = null)
    {
        services.Events.Publish(new LifecycleEvent(type, services.Time.GetUtcNow(), FunctionVersion.SessionId, FunctionVersion.FunctionName, Id, Version)
        {
            RequestId = requestId,
            DurationMs = durationMs,
            FrozenForMs = frozenForMs,
            Reason = reason,
            Text = text,
            TmpBytesUsed = tmpBytesUsed,
            TmpBytesQuota = tmpBytesUsed is null ? null : TmpBytesQuota,
            Cold = cold,
        });
    }
}
