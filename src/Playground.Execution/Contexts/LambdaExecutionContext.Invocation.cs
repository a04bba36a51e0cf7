using System.Runtime.Versioning;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Playground.Execution.Events;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Execution.Sandbox;
using Playground.Runtime.Protocol;

namespace Playground.Execution.Contexts;

/// <summary>The conversation with the runtime about one invocation: Init when needed, the handler, its result.</summary>
public sealed partial class LambdaExecutionContext
{
    private async Task<(double DurationMs, (string Type, byte[] Payload)? Error)> InitializeAsync(InvocationLog log, CancellationToken cancellationToken)
    {
        State = ContextState.Initializing;
        Publish(LifecycleEventType.InitStarted);
        var version = FunctionVersion;
        var load = FunctionLoad.Create(version, services.Options, LogStreamName);

        (string Type, byte[] Payload)? error = null;
        RuntimeConnection? lostRuntime = null;
        var lostAlive = false;
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
            var (status, alive) = await RuntimeExitAsync(runtime);
            metrics.ReadMemory(sandbox!, runtimePid: 0);
            ExplainLostRuntime(log);
            var message = $"{ExitStatus.Describe(status)} ({lost.Message})";
            log.AppendLine(message);
            error = ("Runtime.ExitError", ErrorPayload.Create("Runtime.ExitError", message));
            Publish(LifecycleEventType.Crashed, text: message);
            lostRuntime = runtime;
            runtime = null;
            lostAlive = alive;
        }

        var elapsed = ElapsedSinceInitStart();
        Publish(LifecycleEventType.InitFailed, durationMs: elapsed, text: error?.Type);
        // Lambda runs Init again, in a fresh runtime, at the next invoke.
        StartReset(killRuntime: runtime is not null || lostAlive, lostRuntime);
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
            metrics.ReadMemory(sandbox!, connection.ProcessId);
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
            var (status, alive) = await RuntimeExitAsync(connection);
            metrics.ReadMemory(sandbox!, runtimePid: 0);
            var description = ExitStatus.Describe(status);
            if (!lost.Message.Contains("closed its socket", StringComparison.Ordinal))
            {
                log.AppendLine(lost.Message);
            }

            ExplainLostRuntime(log);

            log.AppendLine($"RequestId: {requestId} Error: {description}");
            Publish(LifecycleEventType.Crashed, requestId, text: description);
            runtime = null;
            StartReset(killRuntime: alive, connection);
            return Finish(requestId, startedAt, log, cold, initDurationMs, duration, InvocationStatus.Crash, "Runtime.ExitError",
                ErrorPayload.Create("Runtime.ExitError", $"RequestId: {requestId} Error: {description}"));
        }

        var elapsed = services.Time.GetElapsedTime(started).TotalMilliseconds;
        metrics.ReadMemory(sandbox!, connection.ProcessId);
        if (reply.Type == FrameType.Response)
        {
            Publish(LifecycleEventType.InvokeCompleted, requestId, durationMs: elapsed);
            return Finish(requestId, startedAt, log, cold, initDurationMs, elapsed, InvocationStatus.Success, null, reply.Body.ToArray());
        }

        var error = JsonSerializer.Deserialize(reply.Header.Span, ProtocolJson.Default.ErrorMessage)!;
        Publish(LifecycleEventType.InvokeFailed, requestId, durationMs: elapsed, text: error.ErrorType);
        if (error.ErrorType == nameof(OutOfMemoryException))
        {
            ResetAfterOutOfMemory(requestId, log);
        }

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
            requestId, durationMs, billed, configuration.MemorySize, metrics.MaxMemoryUsedMb, initDurationMs, status, errorType));
        if (State is ContextState.Busy or ContextState.Initializing)
        {
            State = ContextState.Idle;
        }

        MeasureTmp();
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
            MaxMemoryUsedMb = metrics.MaxMemoryUsedMb,
            Log = log.ToString(),
            LogTruncated = log.Truncated,
            StartedAt = startedAt,
        };
    }
}
