using System.Diagnostics;
using System.Globalization;

namespace Playground.Benchmarks.Measurements;

/// <summary>
/// What the invocation history costs: warm throughput with 4 clients and the server's CPU time per invocation (which
/// other load on a shared machine disturbs far less than throughput), with the history off and on in alternating
/// rounds of one run; and the database's size per 10,000 invocations with their lifecycle events.
/// </summary>
public static class HistoryBenchmark
{
    private const int Clients = 4;

    public static async Task<IReadOnlyList<Figure>> RunAsync(string webAppDirectory, IDictionary<string, string> settings, int invocations, int rounds)
    {
        var throughput = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        var cpu = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
        for (var round = 0; round < rounds; round++)
        {
            foreach (var keep in new[] { false, true })
            {
                var database = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}.db");
                await using (var server = await BenchmarkServer.StartAsync(webAppDirectory, WithHistory(settings, database, keep)))
                {
                    using var api = await PlaygroundApi.OpenAsync(server.Address);
                    await api.DeployAsync("history", Handlers.Echo, new { reservedConcurrency = Clients });
                    await InvokeManyAsync(api, Clients * 20);
                    var cpuBefore = CpuTime(server.ProcessId);
                    var clock = Stopwatch.StartNew();
                    await InvokeManyAsync(api, invocations);
                    throughput[keep].Add(invocations / clock.Elapsed.TotalSeconds);
                    cpu[keep].Add((CpuTime(server.ProcessId) - cpuBefore).TotalMilliseconds / invocations);
                }

                DeleteDatabase(database);
            }
        }

        var sized = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}.db");
        await using (var server = await BenchmarkServer.StartAsync(webAppDirectory, WithHistory(settings, sized, keep: true)))
        {
            using var api = await PlaygroundApi.OpenAsync(server.Address);
            await api.DeployAsync("history", Handlers.Echo, new { reservedConcurrency = Clients });
            await InvokeManyAsync(api, 10_000);
        }

        // After a graceful stop the WAL is checkpointed into the database file.
        var bytes = new FileInfo(sized).Length + (File.Exists(sized + "-wal") ? new FileInfo(sized + "-wal").Length : 0);
        DeleteDatabase(sized);

        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        var note = $"median of {rounds} rounds of {invocations}, {Clients} clients";
        return
        [
            new Figure("throughput, history off", "invocations/s", null, Median(throughput[false]), Note: note),
            new Figure("throughput, history on", "invocations/s", null, Median(throughput[true]), Median(throughput[true]) / Median(throughput[false]), "history off", note),
            new Figure("server CPU per invocation, history off", "ms", null, Median(cpu[false]), Note: note),
            new Figure("server CPU per invocation, history on", "ms", null, Median(cpu[true]), Median(cpu[true]) / Median(cpu[false]), "history off", note),
            new Figure("database per 10,000 invocations (with their lifecycle events)", "MiB", null, bytes / (1024.0 * 1024.0)),
        ];
    }

    private static Dictionary<string, string> WithHistory(IDictionary<string, string> settings, string database, bool keep) =>
        new(settings)
        {
            ["Data__DatabasePath"] = database,
            ["Data__KeepHistory"] = keep ? "true" : "false",
            ["Data__Retention__InvocationsPerSession"] = "1000000",
            ["Data__Retention__EventsPerSession"] = "10000000",
        };

    private static Task InvokeManyAsync(PlaygroundApi api, int count) =>
        Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (_, _) => await api.InvokeAsync("history", "{\"n\":1}"));

    /// <summary>User and system CPU time of the server process (its execution contexts are processes of their own).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static void DeleteDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
