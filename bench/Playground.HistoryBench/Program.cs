using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

// What the invocation history costs: warm-invoke throughput of the real server (out of process, over HTTP) with the
// history off and on, in alternating rounds of one run, the server's CPU time per invocation (which other load on a
// shared machine disturbs far less than throughput), and the database's size per 10,000 invocations.
// Run: dotnet run -c Release --project bench/Playground.HistoryBench [-- invocationsPerRound rounds concurrency]
var invocations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 2000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 3;
var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 4;
var webApp = WebAppDirectory();
var throughput = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };
var cpu = new Dictionary<bool, List<double>> { [false] = [], [true] = [] };

for (var round = 0; round < rounds; round++)
{
    foreach (var keepHistory in new[] { false, true })
    {
        var database = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}.db");
        await using var server = await Server.StartAsync(webApp, database, keepHistory);
        var cpuBefore = server.CpuTime();
        var perSecond = await server.MeasureAsync(invocations, concurrency);
        var cpuPerInvocation = (server.CpuTime() - cpuBefore).TotalMilliseconds / invocations;
        throughput[keepHistory].Add(perSecond);
        cpu[keepHistory].Add(cpuPerInvocation);
        Console.WriteLine($"round {round + 1}: history {(keepHistory ? "on " : "off")} {perSecond,8:0} invocations/s {cpuPerInvocation,8:0.000} ms server CPU per invocation");
        await server.StopAsync();
        Server.DeleteDatabase(database);
    }
}

var sizeDatabase = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}.db");
long bytes;
await using (var server = await Server.StartAsync(webApp, sizeDatabase, keepHistory: true))
{
    await server.MeasureAsync(10_000, concurrency);
    await server.StopAsync();
    bytes = new FileInfo(sizeDatabase).Length + (File.Exists(sizeDatabase + "-wal") ? new FileInfo(sizeDatabase + "-wal").Length : 0);
}

Server.DeleteDatabase(sizeDatabase);
double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
Console.WriteLine();
Console.WriteLine($"| figure | median | runs | ratio to history off |");
Console.WriteLine($"|---|---|---|---|");
Console.WriteLine($"| warm invocations/s, history off | {Median(throughput[false]):0} | {rounds} x {invocations} | 1.00 |");
Console.WriteLine($"| warm invocations/s, history on | {Median(throughput[true]):0} | {rounds} x {invocations} | {Median(throughput[true]) / Median(throughput[false]):0.00} |");
Console.WriteLine($"| server CPU per invocation, history off | {Median(cpu[false]):0.000} ms | {rounds} x {invocations} | 1.00 |");
Console.WriteLine($"| server CPU per invocation, history on | {Median(cpu[true]):0.000} ms | {rounds} x {invocations} | {Median(cpu[true]) / Median(cpu[false]):0.00} |");
Console.WriteLine($"| database per 10,000 invocations (with their lifecycle events) | {bytes / 1024.0 / 1024.0:0.0} MiB | 1 | |");

static string WebAppDirectory()
{
    var directory = AppContext.BaseDirectory;
    var configuration = new DirectoryInfo(directory).Parent!.Name;
    while (directory is not null && !File.Exists(Path.Join(directory, "Playground.sln")))
    {
        directory = Path.GetDirectoryName(directory.TrimEnd('/'));
    }

    return Path.Join(directory ?? throw new DirectoryNotFoundException("Playground.sln"), "src", "Playground.Web", "bin", configuration, "net10.0");
}

/// <summary>One server process with its own database, and a session with a trivial warm function.</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly Process process;
    private readonly HttpClient http;

    private Server(Process process, HttpClient http)
    {
        this.process = process;
        this.http = http;
    }

    public static async Task<Server> StartAsync(string webApp, string database, bool keepHistory)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var start = new ProcessStartInfo("dotnet", "Playground.Web.dll") { WorkingDirectory = webApp, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Data__DatabasePath"] = database;
        start.Environment["Data__KeepHistory"] = keepHistory ? "true" : "false";
        start.Environment["Data__Retention__InvocationsPerSession"] = "1000000";
        start.Environment["Data__Retention__EventsPerSession"] = "10000000";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var health = await http.GetAsync("/healthz");
                break;
            }
            catch (HttpRequestException) when (attempt < 300)
            {
                await Task.Delay(100);
            }
        }

        using var session = await http.GetAsync("/api/functions");
        http.DefaultRequestHeaders.Add("X-Playground-Session", session.Headers.GetValues("X-Playground-Session").Single());
        using var deploy = await http.PutAsync("/api/functions/bench", new StringContent(
            """{"code":"var n = 0;\nobject Handler(JsonElement input) => new { n = ++n };","config":{"reservedConcurrency":10}}""",
            Encoding.UTF8, "application/json"));
        deploy.EnsureSuccessStatusCode();
        return new Server(process, http);
    }

    /// <summary>Invocations per second of <paramref name="count"/> invokes from <paramref name="concurrency"/> callers, after a warm-up.</summary>
    public async Task<double> MeasureAsync(int count, int concurrency)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = concurrency };
        await Parallel.ForAsync(0, concurrency * 10, parallel, async (_, _) => await InvokeAsync());
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForAsync(0, count, parallel, async (_, _) => await InvokeAsync());
        return count / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>User and system CPU time of the server process (not of its execution contexts, which are processes of their own).</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>SIGTERM, as a graceful stop: the history writer drains and SQLite checkpoints the WAL on close.</summary>
    public async Task StopAsync()
    {
        Process.Start("kill", ["-15", process.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }

    public static void DeleteDatabase(string path)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        http.Dispose();
    }

    private async Task InvokeAsync()
    {
        using var response = await http.PostAsync("/2015-03-31/functions/bench/invocations", new StringContent("{\"hello\":\"world\"}", Encoding.UTF8, "application/json"));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"invoke answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }
}
