using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;

namespace Playground.Benchmarks;

/// <summary>The real web app (Release build) as a process of its own on a free loopback port.</summary>
public sealed class BenchmarkServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string? ownDatabase;

    private BenchmarkServer(Process process, Uri address, string runDirectory, string? ownDatabase)
    {
        this.process = process;
        this.ownDatabase = ownDatabase;
        Address = address;
        RunDirectory = runDirectory;
    }

    public Uri Address { get; }

    /// <summary>Unique to this server: every process of its sandboxes names it on its command line.</summary>
    public string RunDirectory { get; }

    public int ProcessId => process.Id;

    public static async Task<BenchmarkServer> StartAsync(string webAppDirectory, IDictionary<string, string> settings)
    {
        var port = FreePort();
        var runDirectory = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = webAppDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("Playground.Web.dll");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Execution__RunDirectory"] = runDirectory;

        // A database of its own in the temp folder unless the caller names one: never the one next to the build.
        string? ownDatabase = null;
        if (!settings.ContainsKey("Data__DatabasePath"))
        {
            ownDatabase = Path.Join(Path.GetTempPath(), $"playground-bench-{Guid.NewGuid():N}.db");
            start.Environment["Data__DatabasePath"] = ownDatabase;
        }

        foreach (var (key, value) in settings)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 })
            {
                Console.Error.WriteLine($"  server: {e.Data}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new BenchmarkServer(process, new Uri($"http://127.0.0.1:{port}"), runDirectory, ownDatabase);
        using var http = new HttpClient { BaseAddress = server.Address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(50);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("the server did not answer /healthz within 30 s");
    }

    public async Task<JsonNode> HealthAsync()
    {
        using var http = new HttpClient { BaseAddress = Address };
        return JsonNode.Parse(await http.GetStringAsync("/healthz"))!;
    }

    /// <summary>Waits until the server has this many pre-started contexts ready (so a cold start can use one).</summary>
    public async Task WaitForPrestartedAsync(int count)
    {
        for (var i = 0; i < 400; i++)
        {
            if ((int?)(await HealthAsync())["prestarted"] >= count)
            {
                return;
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
            if (!process.WaitForExit(30_000))
            {
                process.Kill(entireProcessTree: true);
            }
        }

        await process.WaitForExitAsync();
        process.Dispose();
        if (ownDatabase is not null)
        {
            foreach (var file in new[] { ownDatabase, ownDatabase + "-wal", ownDatabase + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
