using System.Text.Json.Nodes;

namespace Playground.Benchmarks.Measurements;

/// <summary>
/// From a lifecycle event's moment (its server timestamp) to its arrival at an SSE client on the same machine (same
/// clock): the path every page update takes.
/// </summary>
public static class EventLatencyBenchmark
{
    public static async Task<Figure> RunAsync(BenchmarkServer server, int invocations)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        await api.DeployAsync("watched", Handlers.Echo);
        await api.InvokeAsync("watched");
        using var stop = new CancellationTokenSource();
        var latencies = new List<double>();
        await using var stream = await api.EventsAsync(stop.Token);
        using var reader = new StreamReader(stream);
        var listening = Task.Run(async () =>
        {
            try
            {
                while (await reader.ReadLineAsync(stop.Token) is { } line)
                {
                    var received = DateTimeOffset.UtcNow;
                    if (!line.StartsWith("data: ", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var at = DateTimeOffset.Parse((string)JsonNode.Parse(line[6..])!["at"]!, System.Globalization.CultureInfo.InvariantCulture);
                    lock (latencies)
                    {
                        latencies.Add((received - at).TotalMilliseconds);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        for (var i = 0; i < invocations; i++)
        {
            await api.InvokeAsync("watched");
            await Task.Delay(20);
        }

        await Task.Delay(500);
        await stop.CancelAsync();
        await listening;
        lock (latencies)
        {
            return new Figure("lifecycle event -> SSE client", "ms", Statistics.Of(latencies), Note: "Thawed, InvokeStarted, InvokeCompleted, Frozen");
        }
    }
}
