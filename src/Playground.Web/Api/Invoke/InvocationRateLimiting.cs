using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Playground.Execution;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Invoke;

/// <summary>
/// Quotas:Session:InvocationsPerMinute, with ASP.NET Core's rate limiter partitioned by session: one session's
/// loop cannot use up another's invocations. Past the quota the Invoke API answers 429 at once, in Lambda's shape.
/// </summary>
public static class InvocationRateLimiting
{
    public const string Policy = "invocations-per-session";
    public const string Reason = "CallerRateLimitExceeded";

    public static IServiceCollection AddInvocationRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(Policy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<QuotaOptions>>().Value.Session.InvocationsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.SessionId(), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = perMinute,
                    Window = TimeSpan.FromMinutes(1),
                    // Never a queue: a throttled caller hears so at once.
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            options.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var perMinute = http.RequestServices.GetRequiredService<IOptions<QuotaOptions>>().Value.Session.InvocationsPerMinute;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"Rate Exceeded. This session may invoke {perMinute} times per minute, its quota (Quotas:Session:InvocationsPerMinute).");
                await LambdaError.Create(http, StatusCodes.Status429TooManyRequests, "TooManyRequestsException", message, Reason).ExecuteAsync(http);
            };
        });
}
