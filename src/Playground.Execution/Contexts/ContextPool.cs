using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Contexts;

/// <summary>
/// The execution contexts of one function in one session. One invocation per context at a time; the most recently
/// used idle context of the invoked version serves first; when none is idle a new one starts, as long as the
/// function's invocations in flight stay within its reserved concurrency; beyond it the invocation is throttled like
/// Lambda's.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ContextPool(ContextServices services, ContextBudget budget, FunctionVersion initialVersion)
{
    private readonly Lock gate = new();
    private readonly List<LambdaExecutionContext> contexts = [];

    // Idle contexts, most recently used last.
    private readonly List<LambdaExecutionContext> idle = [];
    private readonly List<FunctionVersion> versions = [initialVersion];
    private FunctionVersion version = initialVersion;
    private int inFlight;

    public FunctionVersion Version
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    /// <summary>A deployed version by number, or null.</summary>
    public FunctionVersion? FindVersion(int number)
    {
        lock (gate)
        {
            return versions.Find(v => v.Number == number);
        }
    }

    /// <summary>A new version retires the contexts of the old one: idle ones now, busy ones when they finish.</summary>
    public void Deploy(FunctionVersion next)
    {
        List<LambdaExecutionContext> retired;
        lock (gate)
        {
            version = next;
            versions.Add(next);
            retired = [.. idle];
            idle.Clear();
            foreach (var context in contexts.Where(c => c.IsAlive && !retired.Contains(c)))
            {
                context.PendingReclaim = ReclaimReasons.NewVersion;
            }
        }

        foreach (var context in retired)
        {
            _ = ReclaimAsync(context, ReclaimReasons.NewVersion);
        }
    }

    /// <summary>Invokes <paramref name="target"/>: the latest version, or an older one named by a qualifier.</summary>
    public async Task<InvocationResult> InvokeAsync(InvocationRequest request, FunctionVersion target, CancellationToken cancellationToken)
    {
        var requestId = Guid.NewGuid().ToString();
        var recycled = new List<LambdaExecutionContext>();
        LambdaExecutionContext? context = null;
        SandboxSpares.Spare? spare = null;
        FunctionVersion current;
        string? throttle = null;
        lock (gate)
        {
            current = target;
            var drawn = false;
            while (idle.FindLastIndex(c => c.Version == current.Number) is var index and >= 0)
            {
                var candidate = idle[index];
                idle.RemoveAt(index);

                // "Do not assume reuse": the context that would serve is reclaimed by a seeded draw, once per invoke.
                var chance = current.Configuration.RecycleChance;
                if (!drawn && chance > 0)
                {
                    drawn = true;
                    if (current.RecycleRandom.NextDouble() < chance)
                    {
                        recycled.Add(candidate);
                        continue;
                    }
                }

                context = candidate;
                break;
            }

            if (context is null)
            {
                if (inFlight >= current.Configuration.ReservedConcurrency)
                {
                    throttle = "ReservedFunctionConcurrentInvocationLimitExceeded";
                }
                else if (!budget.TryReserve())
                {
                    throttle = "ConcurrentInvocationLimitExceeded";
                }
                else
                {
                    var spec = new SandboxSpec(current.Configuration.EphemeralStorageSize, current.Configuration.MemorySize);
                    spare = services.Spares.TryTake(spec);
                    context = new LambdaExecutionContext(spare?.Sandbox.ContextId ?? ContextIds.New(), current, services);
                    contexts.Add(context);
                }
            }

            if (context is not null)
            {
                context.MarkBusy();
                inFlight++;
            }
        }

        foreach (var old in recycled)
        {
            _ = ReclaimAsync(old, ReclaimReasons.Chance);
        }

        if (throttle is not null)
        {
            return Throttled(requestId, current, throttle);
        }

        var fresh = context!.State == ContextState.Starting;
        try
        {
            if (fresh)
            {
                await context.StartAsync(spare, cancellationToken);
                WatchSandbox(context);
            }

            return await context.InvokeAsync(requestId, request, cancellationToken);
        }
        catch (Exception exception) when (exception is RuntimeLostException or IOException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            services.Logger.LogWarning(exception, "Context {Context} failed to start", context.Id);
            context.PendingReclaim = ReclaimReasons.Failed;
            return Failed(requestId, current, context.Id, exception.Message);
        }
        finally
        {
            Release(context);
        }
    }

    public IReadOnlyList<ContextSnapshot> Snapshots()
    {
        lock (gate)
        {
            return contexts.Select(c => c.Snapshot()).ToList();
        }
    }

    /// <summary>Reclaims every context: idle ones now, busy ones as soon as their invocation ends.</summary>
    public async Task<int> ReclaimAllAsync(string reason)
    {
        List<LambdaExecutionContext> now;
        lock (gate)
        {
            now = [.. idle];
            idle.Clear();
            foreach (var context in contexts.Where(c => c.IsAlive && !now.Contains(c)))
            {
                context.PendingReclaim = reason;
            }
        }

        await Task.WhenAll(now.Select(c => ReclaimAsync(c, reason)));
        return now.Count;
    }

    /// <summary>Reclaims idle contexts past their keep-warm time or the maximum lifetime.</summary>
    public void Sweep(DateTimeOffset now)
    {
        var expired = new List<(LambdaExecutionContext Context, string Reason)>();
        lock (gate)
        {
            var keepWarm = TimeSpan.FromSeconds(version.Configuration.KeepWarmSeconds);
            for (var i = idle.Count - 1; i >= 0; i--)
            {
                var context = idle[i];
                var reason = now - context.CreatedAt >= services.Options.MaxContextLifetime ? ReclaimReasons.Lifetime
                    : now - (context.LastUsedAt ?? context.CreatedAt) >= keepWarm ? ReclaimReasons.Idle
                    : null;
                if (reason is not null)
                {
                    idle.RemoveAt(i);
                    expired.Add((context, reason));
                }
            }
        }

        foreach (var (context, reason) in expired)
        {
            _ = ReclaimAsync(context, reason);
        }
    }

    public bool IsEmpty
    {
        get
        {
            lock (gate)
            {
                return contexts.Count == 0;
            }
        }
    }

    private void Release(LambdaExecutionContext context)
    {
        string? reclaim;
        lock (gate)
        {
            inFlight--;

            // A context of an older version stays warm for that version's (qualified) invokes; a deploy reclaims it.
            reclaim = context.PendingReclaim;
            if (reclaim is null && context.IsAlive)
            {
                idle.Add(context);
                return;
            }
        }

        if (context.IsAlive)
        {
            _ = ReclaimAsync(context, reclaim ?? ReclaimReasons.Failed);
        }
        else
        {
            Forget(context);
        }
    }

    private void WatchSandbox(LambdaExecutionContext context)
    {
        // A sandbox that ends by itself takes its context with it; a busy context also learns of it from its runtime.
        context.SandboxExited?.ContinueWith(
            async _ =>
            {
                lock (gate)
                {
                    idle.Remove(context);
                }

                await context.LoseAsync();
                Forget(context);
            },
            TaskScheduler.Default);
    }

    private async Task ReclaimAsync(LambdaExecutionContext context, string reason)
    {
        try
        {
            await context.ReclaimAsync(reason);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            services.Logger.LogWarning(exception, "Reclaiming context {Context} failed", context.Id);
        }
        finally
        {
            Forget(context);
        }
    }

    private void Forget(LambdaExecutionContext context)
    {
        lock (gate)
        {
            idle.Remove(context);
            if (!contexts.Remove(context))
            {
                return;
            }
        }

        budget.Release();
    }

    private InvocationResult Throttled(string requestId, FunctionVersion current, string reason) => new()
    {
        RequestId = requestId,
        Status = InvocationStatus.Throttled,
        Payload = [],
        FunctionName = current.FunctionName,
        Version = current.Number,
        Log = string.Empty,
        StartedAt = services.Time.GetUtcNow(),
        ThrottleReason = reason,
        MemorySizeMb = current.Configuration.MemorySize,
    };

    private InvocationResult Failed(string requestId, FunctionVersion current, string contextId, string message) => new()
    {
        RequestId = requestId,
        Status = InvocationStatus.Crash,
        ErrorType = "Runtime.Unknown",
        Payload = ErrorPayload.Create("Runtime.Unknown", $"RequestId: {requestId} Error: the execution context could not start: {message}"),
        FunctionName = current.FunctionName,
        Version = current.Number,
        ContextId = contextId,
        Cold = true,
        Log = $"RequestId: {requestId} Error: the execution context could not start: {message}\n",
        StartedAt = services.Time.GetUtcNow(),
        MemorySizeMb = current.Configuration.MemorySize,
    };
}
