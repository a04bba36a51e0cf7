namespace Playground.Benchmarks.Measurements;

/// <summary>The handler code the benchmarks run.</summary>
public static class Handlers
{
    /// <summary>Trivial Init, trivial handler: what is measured is the playground, not the function.</summary>
    public const string Echo = "object Handler(JsonElement input) => input;";

    /// <summary>A 30-line handler; <c>VARIANT</c> makes each copy different so that nothing comes from the compile cache.</summary>
    public const string ThirtyLines = """
        // variant VARIANT
        using System.Security.Cryptography;

        var started = DateTime.UtcNow;
        var invocations = 0;
        var cache = new Dictionary<string, string>();

        async Task<object> Handler(JsonElement input, ILambdaContext context)
        {
            invocations++;
            var name = input.TryGetProperty("name", out var n) ? n.GetString() ?? "world" : "world";
            if (!cache.TryGetValue(name, out var greeting))
            {
                greeting = $"hello {name}";
                cache[name] = greeting;
            }

            var hash = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(greeting)));
            await File.AppendAllTextAsync("/tmp/seen.txt", context.AwsRequestId + "\n");
            context.Logger.LogLine($"{greeting} #{invocations}");
            return new
            {
                greeting,
                hash,
                invocations,
                started,
                remaining = context.RemainingTime.TotalMilliseconds,
                numbers = Enumerable.Range(1, 10).Select(i => i * invocations).ToArray(),
            };
        }
        """;
}
