using Playground.Execution.Contexts;

namespace Playground.Web.Live;

/// <summary>Why a context was reclaimed, in words a reader of the page understands.</summary>
public static class ReclaimReasonText
{
    public static string Describe(string? reason) => reason switch
    {
        ReclaimReasons.Idle => "idle past its keep-warm time",
        ReclaimReasons.Lifetime => "reached its maximum lifetime",
        ReclaimReasons.OnDemand => "forced cold start",
        ReclaimReasons.NewVersion => "a new version was deployed",
        ReclaimReasons.Chance => "recycled by chance (reuse is not guaranteed)",
        ReclaimReasons.SessionEnded => "the session ended",
        ReclaimReasons.Shutdown => "the server is shutting down",
        ReclaimReasons.Failed => "it failed",
        null => "unknown",
        _ => reason,
    };
}
