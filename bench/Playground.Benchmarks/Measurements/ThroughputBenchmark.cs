using System.Diagnostics;

namespace Playground.Benchmarks.Measurements;

/// <summary>Invocations per second with N clients invoking back to back, each invocation frozen and thawed.</summary>
public static class ThroughputBenchmark
{
    public static async Task<Figure> RunAsync(BenchmarkServer server, int clients, TimeSpan duration)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        var name = $"throughput{clients}";
        await api.DeployAsync(name, Handlers.Echo, new { reservedConcurrency = Math.Max(clients, 1) });

        // Open the contexts first: the figure is about warm invocations.
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => api.InvokeAsync(name)));
        var count = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (clock.Elapsed < duration)
            {
                await api.InvokeAsync(name, "{\"n\":1}");
                Interlocked.Increment(ref count);
            }
        }));

        var perSecond = count / clock.Elapsed.TotalSeconds;
        return new Figure($"throughput, {clients} concurrent client{(clients == 1 ? string.Empty : "s")}", "invocations/s", null, perSecond);
    }
}
