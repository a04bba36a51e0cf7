using System.Collections.Concurrent;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Playground.Execution.Contexts;
using Playground.Execution.Events;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Execution.Sandbox;

namespace Playground.Execution;

/// <summary>
/// The execution core: functions per session, their versions and pools of execution contexts. Everything the HTTP
/// API and the page do with contexts goes through here.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ExecutionEngine : IAsyncDisposable
{
    private readonly ConcurrentDictionary<(string Session, string Function), ContextPool> pools = new();
    private readonly Lock deployGate = new();
    private readonly ContextServices services;
    private readonly ContextBudget budget;
    private readonly ILogger logger;
    private readonly IInvocationRecorder recorder;
    private readonly EventInvocationQueue eventInvocations;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int disposed;

    public ExecutionEngine(
        IOptions<ExecutionOptions> options, LifecycleEventHub events, IInvocationRecorder recorder, TimeProvider time, ILogger<ExecutionEngine> logger)
    {
        this.recorder = recorder;
        eventInvocations = new EventInvocationQueue(options.Value, time, logger);
        var settings = options.Value;
        this.logger = logger;
        Events = events;
        var instance = ServerInstance.NewName();
        Isolation = IsolationProbe.Detect(settings, instance, logger);
        budget = new ContextBudget(settings.MaxContexts);
        var factory = new SandboxFactory(settings, instance, Isolation, RuntimeFiles.Resolve(settings), logger);
        var defaults = new FunctionConfiguration();
        var spares = new SandboxSpares(factory, settings, new SandboxSpec(defaults.EphemeralStorageSize, defaults.MemorySize), logger);
        services = new ContextServices(factory, spares, events, time, settings, logger);
        Limits = new FunctionLimits(MaxReservedConcurrency: 1000, MaxKeepWarmSeconds: 7200);
        if (Isolation.CanRunHandlers)
        {
            spares.Start();
        }
    }

    public Isolation Isolation { get; }

    public LifecycleEventHub Events { get; }

    public FunctionLimits Limits { get; }

    public int LiveContexts => budget.Used;

    /// <summary>Pre-started contexts ready to take a cold start.</summary>
    public int PrestartedReady => services.Spares.ReadyCount;

    /// <summary>Pre-started contexts kept per sandbox spec (0 turns pre-starting off).</summary>
    public int PrestartedContexts
    {
        get => services.Spares.Target;
        set => services.Spares.Target = value;
    }

    /// <summary>
    /// Makes a deployment the function's current version. The same code and configuration keep the version (and its
    /// warm contexts); anything else is a new version, and the old version's contexts are retired.
    /// </summary>
    /// <param name="firstVersion">The number of a function new to this server: one brought back from the history continues its numbering.</param>
    public FunctionVersion Deploy(string sessionId, string functionName, FunctionDeployment deployment, int firstVersion = 1)
    {
        lock (deployGate)
        {
            var key = (sessionId, functionName);
            var now = services.Time.GetUtcNow();
            if (!pools.TryGetValue(key, out var pool))
            {
                var first = new FunctionVersion(sessionId, functionName, firstVersion, deployment, now);
                pools[key] = new ContextPool(services, budget, first);
                return first;
            }

            var current = pool.Version;
            if (current.IsSameAs(deployment))
            {
                return current;
            }

            var next = new FunctionVersion(sessionId, functionName, current.Number + 1, deployment, now);
            pool.Deploy(next);
            return next;
        }
    }

    /// <summary>The function's latest version, or the version a qualifier names (<c>$LATEST</c> or a number); null if there is none.</summary>
    public FunctionVersion? FindFunction(string sessionId, string functionName, string? qualifier = null) =>
        pools.TryGetValue((sessionId, functionName), out var pool) ? Resolve(pool, qualifier) : null;

    private static FunctionVersion? Resolve(ContextPool pool, string? qualifier) => qualifier switch
    {
        null or "" or "$LATEST" => pool.Version,
        _ when int.TryParse(qualifier, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) => pool.FindVersion(number),
        _ => null,
    };

    public IReadOnlyList<FunctionVersion> Functions(string sessionId) =>
        pools.Where(pair => pair.Key.Session == sessionId).Select(pair => pair.Value.Version).OrderBy(v => v.FunctionName, StringComparer.Ordinal).ToList();

    /// <summary>Runs one invocation and hands its record to the history before returning it.</summary>
    /// <exception cref="FunctionNotFoundException">The session has no function of that name.</exception>
    public async Task<InvocationResult> InvokeAsync(string sessionId, string functionName, InvocationRequest request, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (!pools.TryGetValue((sessionId, functionName), out var pool))
        {
            throw new FunctionNotFoundException(functionName);
        }

        var target = Resolve(pool, request.Qualifier) ?? throw new FunctionNotFoundException(functionName, request.Qualifier);
        var result = await pool.InvokeAsync(request, target, cancellationToken);
        recorder.Record(new InvocationRecord(sessionId, functionName, request.Payload, result));
        return result;
    }

    /// <summary>
    /// Queues an asynchronous (Event) invocation, as Lambda does for X-Amz-Invocation-Type: Event; false when the
    /// queue is full.
    /// </summary>
    public bool EnqueueEvent(string sessionId, string functionName, InvocationRequest request) =>
        eventInvocations.TryEnqueue(token => InvokeAsync(sessionId, functionName, request, token), functionName);

    /// <exception cref="FunctionNotFoundException">The session has no function of that name.</exception>
    public IReadOnlyList<ContextSnapshot> Contexts(string sessionId, string functionName) =>
        pools.TryGetValue((sessionId, functionName), out var pool) ? pool.Snapshots() : throw new FunctionNotFoundException(functionName);

    /// <summary>"Force cold start": reclaims every context of the function; returns how many were idle and went at once.</summary>
    /// <exception cref="FunctionNotFoundException">The session has no function of that name.</exception>
    public Task<int> ReclaimContextsAsync(string sessionId, string functionName)
    {
        if (!pools.TryGetValue((sessionId, functionName), out var pool))
        {
            throw new FunctionNotFoundException(functionName);
        }

        return pool.ReclaimAllAsync(ReclaimReasons.OnDemand);
    }

    /// <summary>A session ended: its contexts go, and its functions are forgotten.</summary>
    public async Task EndSessionAsync(string sessionId)
    {
        var ended = pools.Where(pair => pair.Key.Session == sessionId).ToList();
        foreach (var (key, _) in ended)
        {
            pools.TryRemove(key, out _);
        }

        await Task.WhenAll(ended.Select(pair => pair.Value.ReclaimAllAsync(ReclaimReasons.SessionEnded)));
    }

    /// <summary>Reclaims contexts idle past their keep-warm time or alive past the maximum lifetime.</summary>
    public void Sweep()
    {
        var now = services.Time.GetUtcNow();
        foreach (var pool in pools.Values)
        {
            pool.Sweep(now);
        }
    }

    /// <summary>Stops every context and removes what the server made (cgroups, folders). Called when the server stops.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            // A host stopped twice (WebApplicationFactory does) must not go on to stop the services after this one
            // (the history writer) while the first call is still stopping contexts.
            await stopped.Task;
            return;
        }

        eventInvocations.Stop();
        try
        {
            await StopContextsAsync();
        }
        finally
        {
            stopped.TrySetResult();
        }
    }

    private async Task StopContextsAsync()
    {
        logger.LogInformation("Stopping {Count} execution contexts", budget.Used);
        await services.Spares.DisposeAsync();
        await Task.WhenAll(pools.Values.Select(pool => pool.ReclaimAllAsync(ReclaimReasons.Shutdown)));

        // Busy contexts are reclaimed when their invocation ends; give them the grace they need.
        var waited = 0;
        while (budget.Used > 0 && waited++ < 100)
        {
            await Task.Delay(50);
        }

        services.Sandboxes.Dispose();
        Isolation.Cgroups?.Remove();
    }
}
