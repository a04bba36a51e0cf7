using System.Globalization;
using System.Runtime.InteropServices;
using Playground.Benchmarks;
using Playground.Benchmarks.Measurements;

// Starts the real server (Release build) and measures it through HTTP on loopback. Usage:
//   scripts/bench [--quick] [--out bench/results/latest.json]
var quick = args.Contains("--quick");
var outIndex = Array.IndexOf(args, "--out");
var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Join("bench", "results", "latest.json");
var root = FindRepositoryRoot();
var web = Path.Join(root, "src", "Playground.Web", "bin", "Release", "net10.0");
if (!File.Exists(Path.Join(web, "Playground.Web.dll")))
{
    Console.Error.WriteLine($"No Release build of the web app at {web}: run `dotnet build -c Release src/Playground.Web` (scripts/bench does).");
    return 1;
}

// Limits that a workshop server keeps low would cut the benchmark short; they are not what is measured here.
var baseSettings = new Dictionary<string, string>
{
    ["Quotas__Server__MaxContexts"] = "1000",
    ["Quotas__Server__MaxEphemeralStorageMb"] = "1000000",
    ["Quotas__Session__MaxContexts"] = "1000",
    ["Quotas__Session__MaxEphemeralStorageMb"] = "1000000",
    ["Quotas__Session__InvocationsPerMinute"] = "10000000",
};
Dictionary<string, string> With(params (string Key, string Value)[] extra)
{
    var settings = new Dictionary<string, string>(baseSettings);
    foreach (var (key, value) in extra)
    {
        settings[key] = value;
    }

    return settings;
}

var figures = new List<Figure>();
void Report(IEnumerable<Figure> measured)
{
    foreach (var figure in measured)
    {
        figures.Add(figure);
        Console.Error.WriteLine($"  {figure.Name}: {figure.Stats?.P50.ToString("0.###", CultureInfo.InvariantCulture) ?? figure.Value?.ToString("0.###", CultureInfo.InvariantCulture)} {figure.Unit}");
    }
}

Console.Error.WriteLine("Warm invoke, compile, throughput and event latency (pre-started runtimes on)...");
string freezer;
await using (var server = await BenchmarkServer.StartAsync(web, With(("Execution__PrestartedContexts", ColdStartBenchmark.Prestarted.ToString(CultureInfo.InvariantCulture)))))
{
    freezer = (string)(await server.HealthAsync())["isolation"]!["freezer"]!;
    Report(await WarmInvokeBenchmark.RunAsync(server, quick ? 300 : 2000));
    Report([await ColdStartBenchmark.RunAsync(server, quick ? 15 : 200, prestarted: true)]);
    Report(await CompileBenchmark.RunAsync(server, quick ? 20 : 100));
    foreach (var clients in new[] { 1, 4, 16 })
    {
        Report([await ThroughputBenchmark.RunAsync(server, clients, TimeSpan.FromSeconds(quick ? 2 : 5))]);
    }

    Report([await EventLatencyBenchmark.RunAsync(server, quick ? 30 : 200)]);
}

Console.Error.WriteLine("Cold start without pre-started runtimes...");
await using (var server = await BenchmarkServer.StartAsync(web, With(("Execution__PrestartedContexts", "0"))))
{
    Report([await ColdStartBenchmark.RunAsync(server, quick ? 15 : 200, prestarted: false)]);
}

Console.Error.WriteLine("First compile after start-up...");
Report([await CompileBenchmark.FirstAfterStartAsync(web, With(("Execution__PrestartedContexts", "0")))]);

Console.Error.WriteLine("Throughput with the history off and on, database size...");
Report(await HistoryBenchmark.RunAsync(web, With(("Execution__PrestartedContexts", "1")), quick ? 1000 : 3000, quick ? 1 : 3));

foreach (var contexts in quick ? new[] { 100 } : new[] { 100, 500 })
{
    Console.Error.WriteLine($"Memory with {contexts} frozen contexts...");
    await using var server = await BenchmarkServer.StartAsync(web, With(("Execution__PrestartedContexts", "0")));
    Report(await FrozenMemoryBenchmark.RunAsync(server, contexts));
}

var machine = new Dictionary<string, string>
{
    ["date"] = DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture),
    ["cpus"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture),
    ["cpu"] = CpuModel(),
    ["memory"] = $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0.#} GiB",
    ["os"] = RuntimeInformation.OSDescription,
    ["runtime"] = RuntimeInformation.FrameworkDescription,
    ["freezer"] = freezer,
    ["mode"] = quick ? "quick" : "full",
};
Console.WriteLine($"Measured {machine["date"]} on {machine["cpus"]} x {machine["cpu"]}, {machine["memory"]}, {machine["os"]}, freezer {freezer}:");
Console.WriteLine();
Console.WriteLine(ResultReport.Table(figures));
ResultReport.WriteJson(Path.IsPathRooted(output) ? output : Path.Join(root, output), figures, machine);
return 0;

static string FindRepositoryRoot()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var directory = start; directory is not null; directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Join(directory, "Playground.sln")))
            {
                return directory;
            }
        }
    }

    throw new DirectoryNotFoundException("run the benchmark from inside the repository");
}

static string CpuModel()
{
    try
    {
        return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown";
    }
    catch (IOException)
    {
        return "unknown";
    }
}
