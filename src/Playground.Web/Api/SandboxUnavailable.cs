using Playground.Execution;
using Playground.Web.Api.Invoke;

namespace Playground.Web.Api;

/// <summary>
/// Handler code is refused where no sandbox can be made (and the unsandboxed development mode is off): deploy and
/// invoke answer 503 at once, saying why and where to look.
/// </summary>
public static class SandboxUnavailable
{
    public const string Message =
        "No sandbox can be made on this host, so handler code is not run: GET /healthz says what is missing. " +
        "For development on such a machine, Execution:AllowUnsandboxed=true runs handlers without a sandbox.";

    /// <summary>The 503 for the playground's own API, or null when handlers can run.</summary>
    public static IResult? ForApi(ExecutionEngine engine) =>
        engine.Isolation.CanRunHandlers ? null : Results.Json(new { message = Message }, statusCode: StatusCodes.Status503ServiceUnavailable);

    /// <summary>The 503 for Lambda's Invoke API, in its error shape, or null when handlers can run.</summary>
    public static IResult? ForLambda(HttpContext http, ExecutionEngine engine) =>
        engine.Isolation.CanRunHandlers ? null : LambdaError.Create(http, StatusCodes.Status503ServiceUnavailable, "ServiceException", Message);
}
