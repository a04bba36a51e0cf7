using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app on real Kestrel, on a free loopback port, with real execution contexts and a database file of
/// its own (deleted with it): what a browser needs.
/// </summary>
public sealed class BrowserServer : WebApplicationFactory<Program>
{
    private readonly string databasePath = Path.Join(Path.GetTempPath(), $"playground-e2e-{Guid.NewGuid():N}.db");

    public Uri Address { get; private set; } = default!;

    public void Start()
    {
        UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        StartServer();
        Address = ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");

        // The built app serves MudBlazor's and Monaco's files from their packages only with the static web assets
        // manifest, which a Production host ignores unless asked; a published app carries the files instead.
        builder.UseStaticWebAssets();
        builder.UseSetting("Execution:PrestartedContexts", "1");
        builder.UseSetting("Data:DatabasePath", databasePath);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }
}
