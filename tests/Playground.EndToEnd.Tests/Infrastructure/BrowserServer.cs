using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The real web app on real Kestrel, on a free loopback port, with real execution contexts: what a browser needs.
/// </summary>
public sealed class BrowserServer : WebApplicationFactory<Program>
{
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
    }
}
