using System.Globalization;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Invoke;

/// <summary>The Invoke API's side of the per-session invocation quota: Lambda's 429, with when to retry.</summary>
public static class InvocationRateLimiting
{
    public static IServiceCollection AddInvocationRateLimiting(this IServiceCollection services) =>
        services.AddSingleton<SessionInvocationLimiter>();

    /// <summary>Null when the session may invoke; otherwise the 429 to answer.</summary>
    public static IResult? Refusal(HttpContext http, SessionInvocationLimiter limiter)
    {
        if (limiter.TryAcquire(http.SessionId(), out var retryAfter))
        {
            return null;
        }

        var result = LambdaError.Create(http, StatusCodes.Status429TooManyRequests, "TooManyRequestsException", limiter.Message, SessionInvocationLimiter.Reason);
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return result;
    }
}
