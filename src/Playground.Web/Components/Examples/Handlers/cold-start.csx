// Everything outside Handler is the Init phase: it runs once per execution context, at its cold start.
var initStarted = DateTime.UtcNow;
Thread.Sleep(300); // stands in for loading configuration, SDK clients, a model...
var initMs = (DateTime.UtcNow - initStarted).TotalMilliseconds;
var invocations = 0;
Console.WriteLine($"Init finished in {initMs:0} ms");

// Handler runs for every invocation and sees the variables Init made.
object Handler(JsonElement input, ILambdaContext context)
{
    invocations++;
    context.Logger.LogLine($"invocation {invocations} of this context");
    return new
    {
        coldStart = invocations == 1,
        invocationsInThisContext = invocations,
        initTookMs = Math.Round(initMs),
        contextStartedAt = initStarted,
        logStream = context.LogStreamName,
    };
}
