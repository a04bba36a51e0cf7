using System.Collections.Concurrent;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Contexts;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Sandboxes started ahead of need, each with its runtime process connected and waiting for Load, so that a cold
/// start pays for Load and Init only. A sandbox's /tmp size and memory are fixed when it starts, so spares are kept
/// per <see cref="SandboxSpec"/>: for the default settings, and for the settings of recent cold starts.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class SandboxSpares : IAsyncDisposable
{
    private const int MaxRecentSpecs = 3;

    private readonly SandboxFactory factory;
    private readonly ExecutionOptions options;
    private readonly ILogger logger;
    private readonly SandboxSpec defaultSpec;
    private readonly ConcurrentDictionary<SandboxSpec, ConcurrentQueue<Spare>> ready = new();
    private readonly ConcurrentDictionary<SandboxSpec, int> starting = new();
    private readonly LinkedList<SandboxSpec> recent = new();
    private readonly Lock recentGate = new();
    private readonly CancellationTokenSource stopping = new();
    private int target;

    public SandboxSpares(SandboxFactory factory, ExecutionOptions options, SandboxSpec defaultSpec, ILogger logger)
    {
        this.factory = factory;
        this.options = options;
        this.defaultSpec = defaultSpec;
        this.logger = logger;
        target = Math.Max(0, options.PrestartedContexts);
    }

    /// <summary>A started sandbox whose runtime waits for Load.</summary>
    public sealed record Spare(BubblewrapSandbox Sandbox, RuntimeConnection Runtime);

    /// <summary>How many spares to keep per spec; 0 turns pre-starting off (the benchmark compares both).</summary>
    public int Target
    {
        get => target;
        set => target = Math.Max(0, value);
    }

    public int ReadyCount => ready.Values.Sum(queue => queue.Count);

    public void Start()
    {
        Remember(defaultSpec);
        Replenish(defaultSpec);
    }

    /// <summary>A spare for this spec if one is ready; another starts in the background either way.</summary>
    public Spare? TryTake(SandboxSpec spec)
    {
        Remember(spec);
        Spare? spare = null;
        while (ready.TryGetValue(spec, out var queue) && queue.TryDequeue(out var candidate))
        {
            if (!candidate.Sandbox.Exited.IsCompleted && !candidate.Runtime.Closed.IsCompleted)
            {
                spare = candidate;
                break;
            }

            _ = candidate.Sandbox.DisposeAsync().AsTask();
        }

        Replenish(spec);
        return spare;
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        foreach (var queue in ready.Values)
        {
            while (queue.TryDequeue(out var spare))
            {
                await spare.Runtime.DisposeAsync();
                await spare.Sandbox.DisposeAsync();
            }
        }
    }

    private void Remember(SandboxSpec spec)
    {
        lock (recentGate)
        {
            recent.Remove(spec);
            recent.AddFirst(spec);
            while (recent.Count > MaxRecentSpecs)
            {
                var dropped = recent.Last!.Value;
                recent.RemoveLast();
                if (dropped != defaultSpec)
                {
                    DropSpares(dropped);
                }
            }
        }
    }

    private void DropSpares(SandboxSpec spec)
    {
        if (ready.TryRemove(spec, out var queue))
        {
            while (queue.TryDequeue(out var spare))
            {
                _ = spare.Sandbox.DisposeAsync().AsTask();
            }
        }
    }

    private void Replenish(SandboxSpec spec)
    {
        if (stopping.IsCancellationRequested)
        {
            return;
        }

        var queue = ready.GetOrAdd(spec, _ => new ConcurrentQueue<Spare>());
        while (true)
        {
            var inFlight = starting.GetOrAdd(spec, 0);
            if (queue.Count + inFlight >= target || !starting.TryUpdate(spec, inFlight + 1, inFlight))
            {
                if (queue.Count + starting.GetOrAdd(spec, 0) >= target)
                {
                    return;
                }

                continue;
            }

            _ = StartOneAsync(spec, queue);
        }
    }

    private async Task StartOneAsync(SandboxSpec spec, ConcurrentQueue<Spare> queue)
    {
        BubblewrapSandbox? sandbox = null;
        try
        {
            var id = ContextIds.New();
            sandbox = await factory.StartAsync(id, spec, stopping.Token);
            var runtime = await sandbox.StartRuntimeAsync(options.MaxResponseBytes + 64 * 1024, stopping.Token);
            queue.Enqueue(new Spare(sandbox, runtime));
            sandbox = null;
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            if (!stopping.IsCancellationRequested)
            {
                logger.LogWarning(exception, "A spare execution context could not be started");
            }
        }
        finally
        {
            starting.AddOrUpdate(spec, 0, (_, count) => count - 1);
            if (sandbox is not null)
            {
                await sandbox.DisposeAsync();
            }
        }
    }
}
