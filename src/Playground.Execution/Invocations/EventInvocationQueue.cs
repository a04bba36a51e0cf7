using Microsoft.Extensions.Logging;
using Playground.Execution.Functions;

namespace Playground.Execution.Invocations;

/// <summary>
/// Asynchronous (Event) invocations: accepted at once, run in the background, retried like Lambda's asynchronous
/// invoke — a throttled event waits and tries again, a function error is retried twice more — with delays short
/// enough to watch. Every attempt lands in the history like any invocation.
/// </summary>
internal sealed class EventInvocationQueue(ExecutionOptions options, TimeProvider time, ILogger logger)
{
    private readonly SemaphoreSlim running = new(options.MaxConcurrentEventInvocations);
    private readonly CancellationTokenSource stopping = new();
    private int queued;

    /// <summary>False when the queue is full: the caller answers 429.</summary>
    public bool TryEnqueue(Func<CancellationToken, Task<InvocationResult>> invoke, string functionName)
    {
        if (Interlocked.Increment(ref queued) > options.MaxQueuedEventInvocations)
        {
            Interlocked.Decrement(ref queued);
            return false;
        }

        _ = RunAsync(invoke, functionName);
        return true;
    }

    public void Stop() => stopping.Cancel();

    private async Task RunAsync(Func<CancellationToken, Task<InvocationResult>> invoke, string functionName)
    {
        var token = stopping.Token;
        try
        {
            await running.WaitAsync(token);
            try
            {
                var errorsLeft = options.EventRetryAttempts;
                var throttledSince = time.GetTimestamp();
                while (true)
                {
                    var result = await invoke(token);
                    if (result.Status == InvocationStatus.Throttled && time.GetElapsedTime(throttledSince) < options.EventThrottleRetryWindow)
                    {
                        await Task.Delay(options.EventRetryDelay, time, token);
                        continue;
                    }

                    if (result.IsFunctionError && errorsLeft-- > 0)
                    {
                        await Task.Delay(options.EventRetryDelay * (options.EventRetryAttempts - errorsLeft), time, token);
                        continue;
                    }

                    return;
                }
            }
            finally
            {
                running.Release();
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            logger.LogInformation("An Event invocation of {Function} was dropped: the server is stopping", functionName);
        }
        catch (FunctionNotFoundException)
        {
            logger.LogInformation("An Event invocation of {Function} was dropped: the function is gone", functionName);
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Interlocked.Decrement(ref queued);
        }
    }
}
