using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Playground.Execution;

namespace Playground.Web.Sessions;

/// <summary>
/// Quotas:Session:InvocationsPerMinute, one fixed window per session, shared by every way a session invokes: the
/// Invoke API and the page. One session's loop cannot use up another's invocations, and a page script cannot go
/// around the quota the API enforces. Never a queue: a throttled caller hears so at once.
/// </summary>
public sealed class SessionInvocationLimiter : IDisposable
{
    public const string Reason = "CallerRateLimitExceeded";

    private readonly PartitionedRateLimiter<string> limiter;

    public SessionInvocationLimiter(IOptions<QuotaOptions> quotas)
    {
        PerMinute = quotas.Value.Session.InvocationsPerMinute;
        limiter = PartitionedRateLimiter.Create<string, string>(session => RateLimitPartition.GetFixedWindowLimiter(session, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = PerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public int PerMinute { get; }

    /// <summary>Takes one invocation from the session's quota; when refused, says when to come back.</summary>
    public bool TryAcquire(string sessionId, out TimeSpan retryAfter)
    {
        using var lease = limiter.AttemptAcquire(sessionId);
        retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
        return lease.IsAcquired;
    }

    public string Message =>
        $"Rate Exceeded. This session may invoke {PerMinute} times per minute, its quota (Quotas:Session:InvocationsPerMinute).";

    public void Dispose() => limiter.Dispose();
}
