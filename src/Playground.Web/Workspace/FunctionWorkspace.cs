using Playground.Compilation;
using Playground.Execution;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Execution.Sandbox;
using Playground.Web.Components.Settings;
using Playground.Web.History;
using Playground.Web.Sessions;

namespace Playground.Web.Workspace;

/// <summary>
/// The page's function in the page's session: compiles, deploys and invokes through the execution core in this
/// process (the page never calls its own HTTP API).
/// </summary>
public sealed class FunctionWorkspace(
    PageSession session, SessionRegistry sessions, HandlerCompiler compiler, ExecutionEngine engine, FunctionRestorer restorer, HistoryRecorder history,
    SessionInvocationLimiter limiter, TimeProvider time)
{
    /// <summary>The function the main page works on; the HTTP API sees it under this name too.</summary>
    public const string DefaultFunctionName = "playground";

    public string FunctionName { get; set; } = DefaultFunctionName;

    public Isolation Isolation => engine.Isolation;

    public FunctionLimits Limits => engine.Limits;

    /// <summary>Compiles without deploying: the squiggles while typing. Identical code is answered from the cache.</summary>
    public Task<CompileResult> CheckAsync(string code, CancellationToken cancellationToken) =>
        compiler.CompileAsync(code, cancellationToken);

    /// <summary>Makes the code and settings the function's current version (unchanged ones keep the version and its warm contexts).</summary>
    public async Task<DeployOutcome> DeployAsync(string code, FunctionSettings settings, CancellationToken cancellationToken)
    {
        var configuration = settings.ToConfiguration();
        var errors = configuration.Validate(engine.Limits);
        if (errors.Count > 0)
        {
            return new DeployOutcome(null, [], errors);
        }

        // A page at work keeps its session alive, as API calls do: the page makes none.
        sessions.Touch(session.Id);
        var compiled = await compiler.CompileAsync(code, cancellationToken);
        if (!compiled.Success || compiled.Assembly is null || compiled.EntryPoint is null)
        {
            return new DeployOutcome(null, compiled.Diagnostics, []);
        }

        // Deployed as the API deploys: numbered on from the versions the history kept, and kept in turn, so that the
        // page's function comes back after a restart and the history never gives one number to two codes.
        var entry = compiled.EntryPoint;
        var version = engine.Deploy(
            session.Id,
            FunctionName,
            new FunctionDeployment(compiled.Hash, compiled.Assembly, new HandlerEntry(entry.Kind == HandlerKind.Script, entry.TypeName, entry.MethodName), configuration),
            firstVersion: await restorer.FirstVersionAsync(session.Id, FunctionName, cancellationToken));
        history.RecordDeploy(version, code);
        return new DeployOutcome(version, compiled.Diagnostics, []);
    }

    /// <summary>
    /// One invocation of the deployed function; like the Invoke API, it runs to its end once started, and it counts
    /// against the session's invocations per minute as the API's do.
    /// </summary>
    public Task<InvocationResult> InvokeAsync(byte[] payload)
    {
        if (limiter.TryAcquire(session.Id, out _))
        {
            return engine.InvokeAsync(session.Id, FunctionName, new InvocationRequest(payload), CancellationToken.None);
        }

        var version = engine.FindFunction(session.Id, FunctionName);
        return Task.FromResult(new InvocationResult
        {
            RequestId = Guid.NewGuid().ToString(),
            Status = InvocationStatus.Throttled,
            Payload = [],
            ErrorType = "TooManyRequestsException",
            FunctionName = FunctionName,
            Version = version?.Number ?? 0,
            Log = limiter.Message + "\n",
            StartedAt = time.GetUtcNow(),
            ThrottleReason = SessionInvocationLimiter.Reason,
            MemorySizeMb = version?.Configuration.MemorySize ?? 0,
        });
    }

    /// <summary>"Force cold start": every context of the function is reclaimed; the next invoke starts a new one.</summary>
    public async Task<int> ForceColdStartAsync()
    {
        try
        {
            return await engine.ReclaimContextsAsync(session.Id, FunctionName);
        }
        catch (FunctionNotFoundException)
        {
            return 0;
        }
    }
}
