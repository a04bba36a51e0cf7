using System.Text.Json;
using Playground.Compilation;
using Playground.Execution;
using Playground.Execution.Functions;
using Playground.Web.History;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Functions;

/// <summary>Deploying functions and looking at (or reclaiming) their execution contexts.</summary>
public static class FunctionEndpoints
{
    public static void MapFunctionEndpoints(this IEndpointRouteBuilder routes)
    {
        var functions = routes.MapGroup("/api/functions");
        functions.MapGet(string.Empty, List);
        functions.MapPut("/{name}", DeployAsync);
        functions.MapGet("/{name}", Get);
        functions.MapGet("/{name}/contexts", Contexts);
        functions.MapDelete("/{name}/contexts", ReclaimAsync);
    }

    private static async Task<IResult> DeployAsync(
        string name, HttpContext http, HandlerCompiler compiler, ExecutionEngine engine, HistoryRecorder history, FunctionRestorer restorer,
        CancellationToken cancellationToken)
    {
        if (!FunctionName.IsValid(name))
        {
            return ApiError.BadRequest("Function name must be 1 to 64 letters, digits, hyphens or underscores.");
        }

        DeployRequest? request;
        try
        {
            request = await http.Request.ReadFromJsonAsync<DeployRequest>(cancellationToken);
        }
        catch (JsonException exception)
        {
            return ApiError.BadRequest($"The request body is not a valid deploy request at {exception.Path ?? "$"}: expected {{ \"code\": string, \"config\": {{ ... }} }}.");
        }
        catch (InvalidOperationException)
        {
            return ApiError.BadRequest("The request body must be JSON (Content-Type: application/json).");
        }

        if (string.IsNullOrWhiteSpace(request?.Code))
        {
            return ApiError.BadRequest("code is required: the handler's C# source.");
        }

        var configuration = (request.Config ?? new FunctionConfigInput(null, null, null, null, null, null, null, null)).ToConfiguration();
        var errors = configuration.Validate(engine.Limits);
        if (errors.Count > 0)
        {
            return Results.Json(
                new { message = string.Join(" ", errors.Select(e => e.Message)), errors },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var compiled = await compiler.CompileAsync(request.Code, cancellationToken);
        if (!compiled.Success || compiled.Assembly is null || compiled.EntryPoint is null)
        {
            return Results.Json(
                new { message = "The code does not compile; nothing was deployed.", diagnostics = compiled.Diagnostics },
                statusCode: StatusCodes.Status400BadRequest);
        }

        var entry = compiled.EntryPoint;
        var version = engine.Deploy(
            http.SessionId(),
            name,
            new FunctionDeployment(compiled.Hash, compiled.Assembly, new HandlerEntry(entry.Kind == HandlerKind.Script, entry.TypeName, entry.MethodName), configuration),
            firstVersion: await restorer.FirstVersionAsync(http.SessionId(), name, cancellationToken));
        history.RecordDeploy(version, request.Code);
        return Results.Ok(new
        {
            name,
            version = version.Number,
            diagnostics = compiled.Diagnostics,
            handler = entry.Kind == HandlerKind.Script ? "script" : "class",
            compileMs = Math.Round(compiled.Elapsed.TotalMilliseconds, 2),
            fromCache = compiled.FromCache,
        });
    }

    private static async Task<IResult> List(HttpContext http, ExecutionEngine engine, FunctionRestorer restorer, CancellationToken cancellationToken)
    {
        await restorer.RestoreAllAsync(http.SessionId(), cancellationToken);
        return Results.Ok(engine.Functions(http.SessionId()).Select(Describe));
    }

    private static async Task<IResult> Get(string name, HttpContext http, FunctionRestorer restorer, CancellationToken cancellationToken) =>
        await restorer.FindAsync(http.SessionId(), name, cancellationToken) is { } version
            ? Results.Ok(Describe(version))
            : ApiError.NotFound($"Function not found: {name}");

    private static async Task<IResult> Contexts(string name, HttpContext http, ExecutionEngine engine, FunctionRestorer restorer, CancellationToken cancellationToken)
    {
        await restorer.FindAsync(http.SessionId(), name, cancellationToken);
        try
        {
            return Results.Ok(engine.Contexts(http.SessionId(), name).Select(ContextView.From));
        }
        catch (FunctionNotFoundException)
        {
            return ApiError.NotFound($"Function not found: {name}");
        }
    }

    private static async Task<IResult> ReclaimAsync(string name, HttpContext http, ExecutionEngine engine, FunctionRestorer restorer, CancellationToken cancellationToken)
    {
        await restorer.FindAsync(http.SessionId(), name, cancellationToken);
        try
        {
            var reclaimed = await engine.ReclaimContextsAsync(http.SessionId(), name);
            return Results.Ok(new { reclaimed });
        }
        catch (FunctionNotFoundException)
        {
            return ApiError.NotFound($"Function not found: {name}");
        }
    }

    private static object Describe(FunctionVersion version) => new
    {
        name = version.FunctionName,
        version = version.Number,
        deployedAt = version.DeployedAt,
        codeHash = version.Deployment.CodeHash,
        config = FunctionConfigInput.From(version.Configuration),
    };
}
