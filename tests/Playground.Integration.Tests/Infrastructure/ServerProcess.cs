using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>
/// The web app as a process of its own on a free loopback port, for tests about what stopping the server does.
/// Its run directory is unique, so its sandboxes can be told apart from every other test's.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;

    private ServerProcess(Process process, Uri address, string runDirectory, string databasePath)
    {
        this.process = process;
        Address = address;
        RunDirectory = runDirectory;
        DatabasePath = databasePath;
    }

    public Uri Address { get; }

    public string RunDirectory { get; }

    /// <summary>The server's database file, of its own; deleted when it is disposed.</summary>
    public string DatabasePath { get; }

    public int Id => process.Id;

    public bool HasExited => process.HasExited;

    public static async Task<ServerProcess> StartAsync()
    {
        var port = FreePort();
        var runDirectory = Path.Join(Path.GetTempPath(), $"playground-test-{Guid.NewGuid():N}");
        var databasePath = TestDatabase.NewPath();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = WebAppDirectory(),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("Playground.Web.dll");
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Execution__RunDirectory"] = runDirectory;
        start.Environment["Execution__PrestartedContexts"] = "1";
        start.Environment["Data__DatabasePath"] = databasePath;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, new Uri($"http://127.0.0.1:{port}"), runDirectory, databasePath);
        using var http = new HttpClient { BaseAddress = server.Address };
        for (var attempt = 0; attempt < 300; attempt++)
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

            await Task.Delay(100);
        }

        await server.DisposeAsync();
        throw new InvalidOperationException("the server did not answer /healthz within 30 s");
    }

    public PlaygroundClient Client() => new(new HttpClient { BaseAddress = Address });

    /// <summary>Processes on this machine whose command line names this server's run directory: its sandboxes.</summary>
    public List<int> SandboxProcesses()
    {
        var result = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var commandLine = File.ReadAllText(Path.Join(directory, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(RunDirectory, StringComparison.Ordinal))
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return result;
    }

    public void Signal(int signal) => Process.Start("kill", [$"-{signal}", process.Id.ToString()])!.WaitForExit();

    public Task WaitForExitAsync(TimeSpan timeout) => process.WaitForExitAsync().WaitAsync(timeout);

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        TestDatabase.Delete(DatabasePath);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The web app's build output, next to this test assembly's in the repository (same configuration).</summary>
    private static string WebAppDirectory()
    {
        var testDirectory = AppContext.BaseDirectory.TrimEnd('/');
        var framework = Path.GetFileName(testDirectory);
        var configuration = Path.GetFileName(Path.GetDirectoryName(testDirectory)!);
        var web = RepositoryFiles.PathOf("src", "Playground.Web", "bin", configuration, framework);
        return File.Exists(Path.Join(web, "Playground.Web.dll")) ? web : throw new FileNotFoundException("build the web app first", web);
    }
}
