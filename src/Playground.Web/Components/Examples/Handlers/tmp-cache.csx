// /tmp belongs to the execution context: files written there are still there at its next invocation
// (until the context is reclaimed), up to the function's ephemeral storage size.
var cachePath = "/tmp/exchange-rates.json";

async Task<object> Handler(JsonElement input, ILambdaContext context)
{
    var hit = File.Exists(cachePath);
    if (!hit)
    {
        context.Logger.LogLine("cache miss: downloading (simulated, 400 ms)");
        await Task.Delay(400);
        var rates = new { EUR = 0.92, GBP = 0.79, JPY = 151.3, fetchedAt = DateTime.UtcNow };
        await File.WriteAllTextAsync(cachePath, JsonSerializer.Serialize(rates));

        // A bigger file as well, so that the /tmp bar on the context's card has something to show.
        var data = new byte[16 * 1024 * 1024];
        Random.Shared.NextBytes(data);
        await File.WriteAllBytesAsync("/tmp/model.bin", data);
    }

    return new
    {
        cacheHit = hit,
        rates = JsonNode.Parse(await File.ReadAllTextAsync(cachePath)),
        tmp = Directory.GetFiles("/tmp").Select(f => new { file = Path.GetFileName(f), bytes = new FileInfo(f).Length }),
    };
}
