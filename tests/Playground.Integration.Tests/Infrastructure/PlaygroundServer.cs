using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>
/// The real web app, hosted in the test process, with real execution contexts (bubblewrap sandboxes, runtime
/// processes, freezers). Each test makes its own session, so tests never see each other's functions.
/// </summary>
public sealed class PlaygroundServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings = [];

    /// <summary>A server of its own with these settings on top of appsettings.json.</summary>
    public static PlaygroundServer With(Dictionary<string, string?> settings)
    {
        var server = new PlaygroundServer();
        foreach (var (key, value) in settings)
        {
            server.settings[key] = value;
        }

        return server;
    }

    /// <summary>A client in a session of its own.</summary>
    public async Task<PlaygroundClient> NewSessionAsync()
    {
        var client = new PlaygroundClient(CreateClient());
        await client.StartSessionAsync();
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Execution:PrestartedContexts", "1");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
