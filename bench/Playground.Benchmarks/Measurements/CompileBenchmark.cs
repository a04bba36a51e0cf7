using System.Diagnostics;

namespace Playground.Benchmarks.Measurements;

/// <summary>Deploying changed code (compile + emit of a 30-line handler), on a warm server and first after start-up.</summary>
public static class CompileBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkServer server, int iterations)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        for (var i = 0; i < 20; i++)
        {
            await api.DeployAsync("compiled", Handlers.ThirtyLines.Replace("VARIANT", $"warm-{i}-{Guid.NewGuid():N}", StringComparison.Ordinal));
        }

        var compile = new List<double>(iterations);
        var deploy = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            var code = Handlers.ThirtyLines.Replace("VARIANT", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
            var started = Stopwatch.GetTimestamp();
            var answer = await api.DeployAsync("compiled", code);
            deploy.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            compile.Add((double)answer["compileMs"]!);
        }

        return
        [
            new Figure("compile a changed 30-line handler (server-side)", "ms", Statistics.Of(compile)),
            new Figure("deploy a changed 30-line handler (PUT round trip)", "ms", Statistics.Of(deploy)),
        ];
    }

    /// <summary>The first deploy a server answers, right after /healthz first answered.</summary>
    public static async Task<Figure> FirstAfterStartAsync(string webAppDirectory, IDictionary<string, string> settings)
    {
        var started = Stopwatch.GetTimestamp();
        await using var server = await BenchmarkServer.StartAsync(webAppDirectory, settings);
        var ready = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        var code = Handlers.ThirtyLines.Replace("VARIANT", Guid.NewGuid().ToString("N"), StringComparison.Ordinal);
        var deployStarted = Stopwatch.GetTimestamp();
        var answer = await api.DeployAsync("first", code);
        var elapsed = Stopwatch.GetElapsedTime(deployStarted).TotalMilliseconds;
        return new Figure("first deploy after start-up (PUT round trip)", "ms", null, elapsed,
            Note: $"server answered /healthz {ready:0} ms after launch; compile {(double)answer["compileMs"]!:0.#} ms");
    }
}
