namespace Playground.Web.Api;

/// <summary>The playground API's error body: a message people can act on, and the details that apply.</summary>
public static class ApiError
{
    public static IResult BadRequest(string message, object? details = null) =>
        Results.Json(new { message, details }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string message) =>
        Results.Json(new { message }, statusCode: StatusCodes.Status404NotFound);
}
