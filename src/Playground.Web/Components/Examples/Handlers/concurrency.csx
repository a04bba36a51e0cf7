// One execution context serves one invocation at a time: overlapping invocations need more contexts.
// Past the reserved concurrency, Lambda refuses the invocation (429 TooManyRequestsException).
var contextName = Guid.NewGuid().ToString("N")[..6];

async Task<object> Handler(JsonElement input, ILambdaContext context)
{
    var started = DateTime.UtcNow;
    await Task.Delay(1500);
    return new
    {
        servedBy = contextName,
        started = started.ToString("HH:mm:ss.fff"),
        finished = DateTime.UtcNow.ToString("HH:mm:ss.fff"),
    };
}
