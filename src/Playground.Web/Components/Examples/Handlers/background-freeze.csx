// A background task started in Init ticks every 250 ms, but only while the context runs:
// between invocations the whole context is frozen, and the ticks stop.
var started = DateTime.UtcNow;
var ticks = new List<double>();
_ = Task.Run(async () =>
{
    while (true)
    {
        await Task.Delay(250);
        var at = (DateTime.UtcNow - started).TotalSeconds;
        lock (ticks) ticks.Add(at);
        Console.WriteLine($"tick at +{at:0.00} s");
    }
});

async Task<object> Handler(JsonElement input, ILambdaContext context)
{
    await Task.Delay(1000); // the ticker runs while the invocation does

    // Fire and forget: this is meant to run after the response. It cannot: the context is frozen first.
    // It finishes when the next invocation thaws the context, and its line lands in that invocation's log.
    var requestId = context.AwsRequestId[..8];
    _ = Task.Run(async () =>
    {
        await Task.Delay(300);
        Console.WriteLine($"late work of {requestId} finished at +{(DateTime.UtcNow - started).TotalSeconds:0.00} s");
    });

    lock (ticks)
    {
        var gaps = ticks.Zip(ticks.Skip(1), (a, b) => b - a).DefaultIfEmpty(0);
        return new
        {
            ticks = ticks.Count,
            longestGapBetweenTicksSeconds = Math.Round(gaps.Max(), 2),
            note = "the longest gap is the time the context spent frozen",
        };
    }
}
