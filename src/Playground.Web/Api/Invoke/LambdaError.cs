namespace Playground.Web.Api.Invoke;

/// <summary>
/// Errors of the Lambda API in its REST-JSON shape: the error code in <c>x-amzn-ErrorType</c> (where the AWS SDKs
/// look for it) and a body with <c>Type</c> and <c>message</c>.
/// </summary>
public static class LambdaError
{
    public static IResult Create(HttpContext http, int status, string code, string message, string? reason = null)
    {
        http.Response.Headers["x-amzn-ErrorType"] = code;
        if (status == StatusCodes.Status429TooManyRequests)
        {
            // Lambda tells throttled callers when to come back; the SDKs read it into retryAfterSeconds.
            http.Response.Headers.RetryAfter = "1";
        }

        var type = status >= 500 ? "Service" : "User";
        object body = reason is null
            ? new Dictionary<string, string> { ["Type"] = type, ["message"] = message }
            : new Dictionary<string, string> { ["Type"] = type, ["message"] = message, ["Reason"] = reason };
        return Results.Json(body, statusCode: status);
    }

    public static IResult FunctionNotFound(HttpContext http, string name, string region, string account) =>
        Create(http, StatusCodes.Status404NotFound, "ResourceNotFoundException",
            $"Function not found: arn:aws:lambda:{region}:{account}:function:{name}");
}
