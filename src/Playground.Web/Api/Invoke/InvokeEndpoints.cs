using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Playground.Execution;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Web.History;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Invoke;

/// <summary>Lambda's Invoke API: <c>POST /2015-03-31/functions/{name}/invocations</c>.</summary>
public static class InvokeEndpoints
{
    public static void MapInvokeEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/2015-03-31/functions/{name}/invocations", InvokeAsync);

    private static async Task<IResult> InvokeAsync(
        string name, HttpContext http, ExecutionEngine engine, FunctionRestorer restorer, SessionInvocationLimiter limiter,
        IOptions<ApiOptions> api, IOptions<ExecutionOptions> execution)
    {
        if (InvocationRateLimiting.Refusal(http, limiter) is { } refusal)
        {
            return refusal;
        }

        var region = execution.Value.Region;
        var account = execution.Value.AccountId;
        if (!Functions.FunctionName.TryParse(name, out var functionName, out var nameQualifier))
        {
            return LambdaError.Create(http, StatusCodes.Status400BadRequest, "ValidationException",
                "1 validation error detected: Value at 'functionName' failed to satisfy constraint: Member must satisfy regular expression pattern: (arn:(aws[a-zA-Z-]*)?:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\\d{1}:)?(\\d{12}:)?(function:)?([a-zA-Z0-9-_]+)(:(\\$LATEST|[a-zA-Z0-9-_]+))?");
        }

        if (SandboxUnavailable.ForLambda(http, engine) is { } unavailable)
        {
            return unavailable;
        }

        var invocationType = http.Request.Headers["X-Amz-Invocation-Type"].ToString() is { Length: > 0 } t ? t : "RequestResponse";
        if (invocationType is not ("RequestResponse" or "Event" or "DryRun"))
        {
            return LambdaError.Create(http, StatusCodes.Status400BadRequest, "InvalidParameterValueException",
                $"Invalid invocation type: {invocationType}. Use RequestResponse, Event or DryRun.");
        }

        // The SDKs send the qualifier as a query parameter; a partial or full ARN may carry it too.
        var qualifier = nameQualifier ?? (http.Request.Query["Qualifier"].ToString() is { Length: > 0 } q ? q : null);
        var session = http.SessionId();
        // After a restart the function is brought back from the history first (its latest version).
        var function = await restorer.FindAsync(session, functionName, http.RequestAborted) is null
            ? null
            : engine.FindFunction(session, functionName, qualifier);
        if (function is null)
        {
            return LambdaError.FunctionNotFound(http, qualifier is null ? functionName : $"{functionName}:{qualifier}", region, account);
        }

        var limit = invocationType == "Event" ? api.Value.MaxAsyncPayloadBytes : api.Value.MaxSyncPayloadBytes;
        var payload = await RequestBody.ReadAsync(http.Request, limit, http.RequestAborted);
        if (payload is null)
        {
            return LambdaError.Create(http, StatusCodes.Status413PayloadTooLarge, "RequestTooLargeException",
                $"Request must be smaller than {limit} bytes for the InvokeFunction operation");
        }

        if (payload.Length == 0)
        {
            payload = "{}"u8.ToArray();
        }
        else if (!IsJson(payload, out var problem))
        {
            return LambdaError.Create(http, StatusCodes.Status400BadRequest, "InvalidRequestContentException",
                $"Could not parse request body into json: {problem}");
        }

        string? clientContext = null;
        if (http.Request.Headers["X-Amz-Client-Context"].ToString() is { Length: > 0 } encoded)
        {
            try
            {
                clientContext = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
                using var _ = JsonDocument.Parse(clientContext);
            }
            catch (Exception exception) when (exception is FormatException or JsonException)
            {
                return LambdaError.Create(http, StatusCodes.Status400BadRequest, "InvalidRequestContentException",
                    "Client context must be a valid Base64-encoded JSON object.");
            }
        }

        if (invocationType == "DryRun")
        {
            return Results.StatusCode(StatusCodes.Status204NoContent);
        }

        var request = new InvocationRequest(payload) { ClientContextJson = clientContext, Qualifier = qualifier };
        if (invocationType == "Event")
        {
            // Lambda queues an asynchronous invocation and answers at once; its attempts land in the history.
            if (!engine.EnqueueEvent(session, functionName, request))
            {
                return LambdaError.Create(http, StatusCodes.Status429TooManyRequests, "TooManyRequestsException",
                    "Rate Exceeded: too many asynchronous invocations are waiting.", "ConcurrentInvocationLimitExceeded");
            }

            http.Response.Headers["X-Amz-Executed-Version"] = function.Number.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        }

        InvocationResult result;
        try
        {
            // Once started, an invocation runs to its end like Lambda's, even if the caller goes away: its own
            // timeout bounds it, and a half-cancelled invocation would leave its context in an unknown state.
            result = await engine.InvokeAsync(session, functionName, request, CancellationToken.None);
        }
        catch (FunctionNotFoundException)
        {
            return LambdaError.FunctionNotFound(http, qualifier is null ? functionName : $"{functionName}:{qualifier}", region, account);
        }

        if (result.Status == InvocationStatus.Throttled)
        {
            return LambdaError.Create(
                http, StatusCodes.Status429TooManyRequests, "TooManyRequestsException", result.ThrottleMessage ?? "Rate Exceeded.", result.ThrottleReason);
        }

        var headers = http.Response.Headers;
        headers["X-Amz-Executed-Version"] = result.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
        headers["x-amzn-RequestId"] = result.RequestId;
        headers["X-Playground-Context-Id"] = result.ContextId;
        headers["X-Playground-Cold"] = result.Cold ? "true" : "false";
        if (result.IsFunctionError)
        {
            headers["X-Amz-Function-Error"] = "Unhandled";
        }

        if (string.Equals(http.Request.Headers["X-Amz-Log-Type"], "Tail", StringComparison.OrdinalIgnoreCase))
        {
            headers["X-Amz-Log-Result"] = LogTail.Encode(result.Log);
        }

        return Results.Bytes(result.Payload, "application/json");
    }

    private static bool IsJson(byte[] payload, out string problem)
    {
        try
        {
            var reader = new Utf8JsonReader(payload);
            while (reader.Read())
            {
            }

            problem = string.Empty;
            return true;
        }
        catch (JsonException exception)
        {
            problem = exception.Message;
            return false;
        }
    }
}
