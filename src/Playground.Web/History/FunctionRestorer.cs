using System.Runtime.Versioning;
using System.Text.Json;
using Playground.Compilation;
using Playground.Data.Functions;
using Playground.Execution;
using Playground.Execution.Functions;
using Playground.Web.Api.Functions;

namespace Playground.Web.History;

/// <summary>
/// Brings a session's functions back after a restart, lazily: the first request that names a function this server
/// does not know, in a session it does, deploys the function's last kept version again (same code, configuration
/// and version number; its first invoke is cold, as after any reclaim). Deploys of a function not yet brought back
/// continue its numbering, so a version number never means two different codes in the history.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class FunctionRestorer(ExecutionEngine engine, FunctionStore functions, HandlerCompiler compiler, ILogger<FunctionRestorer> logger)
{
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    /// <summary>The function's current version, brought back from the database if need be; null when it has none.</summary>
    public async Task<FunctionVersion?> FindAsync(string sessionId, string name, CancellationToken cancellationToken)
    {
        if (engine.FindFunction(sessionId, name) is { } known)
        {
            return known;
        }

        var stored = await functions.LatestAsync(sessionId, name, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var compiled = await compiler.CompileAsync(stored.Code, cancellationToken);
        if (!compiled.Success || compiled.Assembly is null || compiled.EntryPoint is null)
        {
            logger.LogWarning("Version {Version} of function {Function} no longer compiles and was not brought back", stored.Version, name);
            return null;
        }

        var configuration = (JsonSerializer.Deserialize<FunctionConfigInput>(stored.ConfigurationJson, ConfigJson)
            ?? new FunctionConfigInput(null, null, null, null, null, null, null, null)).ToConfiguration();
        var entry = compiled.EntryPoint;
        var handler = new HandlerEntry(entry.Kind == HandlerKind.Script, entry.TypeName, entry.MethodName);
        return engine.Deploy(sessionId, name, new FunctionDeployment(compiled.Hash, compiled.Assembly, handler, configuration), firstVersion: stored.Version);
    }

    /// <summary>Brings back every function of the session (for listing them).</summary>
    public async Task RestoreAllAsync(string sessionId, CancellationToken cancellationToken)
    {
        foreach (var name in await functions.NamesAsync(sessionId, cancellationToken))
        {
            await FindAsync(sessionId, name, cancellationToken);
        }
    }

    /// <summary>The version number a deploy starts at when this server does not know the function yet.</summary>
    public async Task<int> FirstVersionAsync(string sessionId, string name, CancellationToken cancellationToken) =>
        engine.FindFunction(sessionId, name) is not null
            ? 1
            : ((await functions.LatestAsync(sessionId, name, cancellationToken))?.Version ?? 0) + 1;
}
