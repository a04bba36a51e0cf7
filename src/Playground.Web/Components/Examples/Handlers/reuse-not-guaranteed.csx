// Reuse is an optimisation, never a promise: the context that served the last invocation may be gone.
// Here each invoke first has a 50% chance to lose its context (recycleChance), drawn from reuseSeed,
// so the same seed and the same invokes always give the same cold/warm pattern.
var contextStarted = DateTime.UtcNow;
var served = 0;
var sessions = new Dictionary<string, int>();

object Handler(JsonElement input, ILambdaContext context)
{
    served++;
    var user = input.TryGetProperty("user", out var u) ? u.GetString() ?? "anonymous" : "anonymous";

    // Wrong if relied on: a cache in memory is only a cache. Keep state that matters outside the context.
    sessions[user] = sessions.GetValueOrDefault(user) + 1;
    return new
    {
        servedByThisContext = served,
        visitsRememberedForUser = sessions[user],
        contextAgeSeconds = Math.Round((DateTime.UtcNow - contextStarted).TotalSeconds, 1),
    };
}
