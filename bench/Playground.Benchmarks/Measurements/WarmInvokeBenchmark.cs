namespace Playground.Benchmarks.Measurements;

/// <summary>Warm invoke through the Invoke API against GET /healthz, interleaved on one connection in the same run.</summary>
public static class WarmInvokeBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkServer server, int iterations)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        await api.DeployAsync("warm", Handlers.Echo);
        for (var i = 0; i < 300; i++)
        {
            await api.InvokeAsync("warm", "{\"n\":1}");
            await api.HealthAsync();
        }

        var invokes = new List<double>(iterations);
        var health = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            invokes.Add(await api.InvokeAsync("warm", "{\"n\":1}"));
            health.Add(await api.HealthAsync());
        }

        var invokeStats = Statistics.Of(invokes);
        var healthStats = Statistics.Of(health);
        return
        [
            new Figure("GET /healthz", "ms", healthStats),
            new Figure("warm invoke", "ms", invokeStats, Ratio: invokeStats.P50 / healthStats.P50, RatioTo: "/healthz p50", Note: "freeze and thaw every time"),
        ];
    }
}
