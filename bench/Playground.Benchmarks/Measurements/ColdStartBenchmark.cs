namespace Playground.Benchmarks.Measurements;

/// <summary>
/// Cold starts seen by the Invoke API: a new execution context with a trivial Init, after reclaiming the last one.
/// With pre-started runtime processes the server is given time to have one ready before each cold start.
/// </summary>
public static class ColdStartBenchmark
{
    /// <summary>The pre-started contexts the benchmark's server keeps (Execution:PrestartedContexts).</summary>
    public const int Prestarted = 2;

    public static async Task<Figure> RunAsync(BenchmarkServer server, int iterations, bool prestarted)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        await api.DeployAsync("cold", Handlers.Echo);
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations + 3; i++)
        {
            await api.ReclaimAsync("cold");
            if (prestarted)
            {
                // Every spare ready: none is starting (and using the CPU) during the cold start measured.
                await server.WaitForPrestartedAsync(Prestarted);
            }

            // Let the reclaim finish so that it does not share the CPU with the cold start.
            await Task.Delay(400);

            var elapsed = await api.InvokeAsync("cold", "{}");
            if (i >= 3)
            {
                samples.Add(elapsed);
            }
        }

        return new Figure(prestarted ? "cold start, pre-started runtime" : "cold start, runtime started on demand", "ms", Statistics.Of(samples));
    }
}
