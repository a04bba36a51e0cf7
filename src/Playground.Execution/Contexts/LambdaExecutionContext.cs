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
public sealed class LambdaExecutionContext
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
    private int maxMemoryUsedMb;
    private long tmpBytesUsed;
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

    public ContextSnapshot Snapshot() => new(
        Id, State, Version, Invocations, CreatedAt, LastUsedAt, Frozen, FrozenSince,
        Interlocked.Read(ref tmpBytesUsed), (long)FunctionVersion.Configuration.EphemeralStorageSize * 1024 * 1024,
        maxMemoryUsedMb, Resets);

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

    private void Attach(BubblewrapSandbox started)
    {
        sandbox = started;
        sandbox.OutputLine = OnOutputLine;
        sandbox.RuntimeLog = OnRuntimeLog;
    }

    private async Task<(double DurationMs, (string Type, byte[] Payload)? Error)> InitializeAsync(InvocationLog log, CancellationToken cancellationToken)
    {
        State = ContextState.Initializing;
        Publish(LifecycleEventType.InitStarted);
        var version = FunctionVersion;
        var configuration = version.Configuration;
        var environment = new Dictionary<string, string>(configuration.Environment)
        {
            ["AWS_LAMBDA_FUNCTION_NAME"] = version.FunctionName,
            ["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = configuration.MemorySize.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_LAMBDA_FUNCTION_VERSION"] = version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AWS_REGION"] = services.Options.Region,
            ["AWS_DEFAULT_REGION"] = services.Options.Region,
            ["AWS_LAMBDA_LOG_GROUP_NAME"] = LogGroupName,
            ["AWS_LAMBDA_LOG_STREAM_NAME"] = LogStreamName,
            ["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand",
            ["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet10",
            ["_HANDLER"] = $"{version.Deployment.Handler.TypeName}::{version.Deployment.Handler.MethodName}",
        };
        var load = new LoadMessage(
            new HandlerBinding(
                version.Deployment.Handler.IsScript ? HandlerShape.Script : HandlerShape.Class,
                version.Deployment.Handler.TypeName,
                version.Deployment.Handler.MethodName),
            version.FunctionName,
            version.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            configuration.MemorySize,
            FunctionArn,
            LogGroupName,
            LogStreamName,
            environment,
            services.Options.MaxResponseBytes);

        (string Type, byte[] Payload)? error = null;
        RuntimeConnection? lostRuntime = null;
        try
        {
            var connection = await RuntimeAsync(cancellationToken);
            var frame = FrameCodec.Encode(FrameType.Load, JsonSerializer.SerializeToUtf8Bytes(load, ProtocolJson.Default.LoadMessage), version.Deployment.Assembly);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(services.Options.InitTimeout);
            Frame reply;
            try
            {
                reply = await connection.RequestAsync(frame, onReply: null, limit.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var message = $"Init timed out after {services.Options.InitTimeout.TotalSeconds:0.00} seconds";
                log.AppendLine(message);
                error = ("Runtime.InitTimeout", ErrorPayload.Create("Runtime.InitTimeout", message));
                StartReset(killRuntime: true);
                return (ElapsedSinceInitStart(), error);
            }

            if (reply.Type == FrameType.InitCompleted)
            {
                initialized = true;
                State = ContextState.Busy;
                var duration = ElapsedSinceInitStart();
                Publish(LifecycleEventType.InitCompleted, durationMs: duration);
                return (duration, null);
            }

            var failure = JsonSerializer.Deserialize(reply.Header.Span, ProtocolJson.Default.ErrorMessage)!;
            error = (failure.ErrorType, ErrorPayload.Create(failure.ErrorType, failure.ErrorMessageText, failure.StackTrace));
            log.AppendLine($"Init error: {failure.ErrorType}: {failure.ErrorMessageText}");
        }
        catch (RuntimeLostException lost)
        {
            var status = await sandbox!.NextRuntimeExitAsync(TimeSpan.FromSeconds(2));
            var message = $"{ExitStatus.Describe(status)} ({lost.Message})";
            log.AppendLine(message);
            error = ("Runtime.ExitError", ErrorPayload.Create("Runtime.ExitError", message));
            Publish(LifecycleEventType.Crashed, text: message);
            lostRuntime = runtime;
            runtime = null;
        }

        var elapsed = ElapsedSinceInitStart();
        Publish(LifecycleEventType.InitFailed, durationMs: elapsed, text: error?.Type);
        // Lambda runs Init again, in a fresh runtime, at the next invoke.
        StartReset(killRuntime: runtime is not null, lostRuntime);
        return (elapsed, error);
    }

    private async Task<InvocationResult> RunHandlerAsync(
        string requestId, InvocationRequest request, InvocationLog log, DateTimeOffset startedAt, bool cold, double? initDurationMs,
        FunctionConfiguration configuration, CancellationToken cancellationToken)
    {
        var connection = runtime!;
        var deadline = services.Time.GetUtcNow().AddSeconds(configuration.Timeout);
        var header = new InvokeMessage(
            requestId, deadline.ToUnixTimeMilliseconds(), FunctionArn, request.ClientContextJson,
            request.CognitoIdentityId, request.CognitoIdentityPoolId, request.TraceId);
        var frame = FrameCodec.Encode(FrameType.Invoke, JsonSerializer.SerializeToUtf8Bytes(header, ProtocolJson.Default.InvokeMessage), request.Payload);
        var started = services.Time.GetTimestamp();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(configuration.Timeout), services.Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        Frame reply;
        try
        {
            // Freeze the moment the response is in, exactly where Lambda freezes: before anything else happens.
            reply = await connection.RequestAsync(frame, FreezeNow, linked.Token);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            var duration = services.Time.GetElapsedTime(started).TotalMilliseconds;
            ReadPeakMemory(connection.ProcessId);
            var line = LambdaLogLines.TimedOut(services.Time.GetUtcNow(), requestId, configuration.Timeout);
            log.AppendLine(line);
            Publish(LifecycleEventType.InvokeTimedOut, requestId, durationMs: duration);
            StartReset(killRuntime: true);
            var message = $"RequestId: {requestId} Error: Task timed out after {configuration.Timeout:0.00} seconds";
            return Finish(requestId, startedAt, log, cold, initDurationMs, duration, InvocationStatus.Timeout, "Sandbox.Timedout",
                ErrorPayload.Create("Sandbox.Timedout", message));
        }
        catch (RuntimeLostException lost)
        {
            var duration = services.Time.GetElapsedTime(started).TotalMilliseconds;
            var status = await sandbox!.NextRuntimeExitAsync(TimeSpan.FromSeconds(2));
            var description = ExitStatus.Describe(status);
            if (!lost.Message.Contains("closed its socket", StringComparison.Ordinal))
            {
                log.AppendLine(lost.Message);
            }

            log.AppendLine($"RequestId: {requestId} Error: {description}");
            Publish(LifecycleEventType.Crashed, requestId, text: description);
            runtime = null;
            StartReset(killRuntime: false, connection);
            return Finish(requestId, startedAt, log, cold, initDurationMs, duration, InvocationStatus.Crash, "Runtime.ExitError",
                ErrorPayload.Create("Runtime.ExitError", $"RequestId: {requestId} Error: {description}"));
        }

        var elapsed = services.Time.GetElapsedTime(started).TotalMilliseconds;
        ReadPeakMemory(connection.ProcessId);
        if (reply.Type == FrameType.Response)
        {
            Publish(LifecycleEventType.InvokeCompleted, requestId, durationMs: elapsed);
            return Finish(requestId, startedAt, log, cold, initDurationMs, elapsed, InvocationStatus.Success, null, reply.Body.ToArray());
        }

        var error = JsonSerializer.Deserialize(reply.Header.Span, ProtocolJson.Default.ErrorMessage)!;
        Publish(LifecycleEventType.InvokeFailed, requestId, durationMs: elapsed, text: error.ErrorType);
        return Finish(requestId, startedAt, log, cold, initDurationMs, elapsed, InvocationStatus.FunctionError, error.ErrorType,
            ErrorPayload.Create(error.ErrorType, error.ErrorMessageText, error.StackTrace));
    }

    private InvocationResult Finish(
        string requestId, DateTimeOffset startedAt, InvocationLog log, bool cold, double? initDurationMs, double durationMs,
        InvocationStatus status, string? errorType, byte[] payload)
    {
        var configuration = FunctionVersion.Configuration;
        var billed = LambdaLogLines.Billed(durationMs);
        log.AppendClosing(LambdaLogLines.End(requestId));
        log.AppendClosing(LambdaLogLines.Report(
            requestId, durationMs, billed, configuration.MemorySize, maxMemoryUsedMb, initDurationMs, status, errorType));
        if (State is ContextState.Busy or ContextState.Initializing)
        {
            State = ContextState.Idle;
        }

        // /tmp's usage is for the page and the contexts API, not for the caller waiting for this result.
        ThreadPool.UnsafeQueueUserWorkItem(static context => context.MeasureTmp(), this, preferLocal: false);
        if (Frozen)
        {
            Publish(LifecycleEventType.Frozen);
        }

        return new InvocationResult
        {
            RequestId = requestId,
            Status = status,
            Payload = payload,
            ErrorType = errorType,
            FunctionName = FunctionVersion.FunctionName,
            Version = Version,
            ContextId = Id,
            Cold = cold,
            InitDurationMs = initDurationMs,
            DurationMs = durationMs,
            BilledDurationMs = billed,
            MemorySizeMb = configuration.MemorySize,
            MaxMemoryUsedMb = maxMemoryUsedMb,
            Log = log.ToString(),
            LogTruncated = log.Truncated,
            StartedAt = startedAt,
        };
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

    /// <summary>
    /// Replaces the runtime process: the old one is killed (or already dead), and a new one is started in the same
    /// sandbox, so the next invoke runs Init again while /tmp stays. The next invoke waits for it if needed.
    /// </summary>
    private void StartReset(bool killRuntime, RuntimeConnection? dead = null)
    {
        var old = runtime ?? dead;
        runtime = null;
        initialized = false;
        Resets++;
        State = ContextState.Resetting;
        initClockStart = services.Time.GetTimestamp();
        var sandboxNow = sandbox!;
        runtimeStarting = Task.Run(async () =>
        {
            if (old is not null)
            {
                if (killRuntime)
                {
                    old.Kill();
                    await sandboxNow.NextRuntimeExitAsync(TimeSpan.FromSeconds(5));
                }

                await old.DisposeAsync();
            }

            return await sandboxNow.StartRuntimeAsync(MaxFrameBytes, CancellationToken.None);
        });
        State = ContextState.Idle;
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

    private double ElapsedSinceInitStart() => services.Time.GetElapsedTime(initClockStart).TotalMilliseconds;

    private void ReadPeakMemory(int pid)
    {
        var peak = LinuxProcesses.PeakResidentBytes(pid);
        if (peak > 0)
        {
            maxMemoryUsedMb = Math.Max(maxMemoryUsedMb, (int)Math.Ceiling(peak / (1024.0 * 1024.0)));
        }
    }

    private void MeasureTmp()
    {
        var pid = runtime?.ProcessId ?? 0;
        if (pid == 0 || sandbox is null)
        {
            return;
        }

        var used = sandbox.TmpBytesUsed(pid);
        if (Interlocked.Exchange(ref tmpBytesUsed, used) != used)
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

    private string LogGroupName => $"/aws/lambda/{FunctionVersion.FunctionName}";

    private string FunctionArn =>
        $"arn:aws:lambda:{services.Options.Region}:{services.Options.AccountId}:function:{FunctionVersion.FunctionName}";

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
            TmpBytesQuota = tmpBytesUsed is null ? null : (long)FunctionVersion.Configuration.EphemeralStorageSize * 1024 * 1024,
            Cold = cold,
        });
    }
}
