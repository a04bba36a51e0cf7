using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>
/// The real web app, hosted in the test process, with real execution contexts (bubblewrap sandboxes, runtime
/// processes, freezers). Each test makes its own session, so tests never see each other's functions. Each server
/// has a database file of its own, deleted with it, unless the test named one (to start a second server on it).
/// </summary>
public sealed class PlaygroundServer : WebApplicationFactory<Program>
{
    public const string DatabasePathSetting = "Data:DatabasePath";

    private readonly Dictionary<string, string?> settings = [];
    private bool ownsDatabase = true;

    public string DatabasePath { get; private set; } = TestDatabase.NewPath();

    /// <summary>A server of its own with these settings on top of appsettings.json.</summary>
    public static PlaygroundServer With(Dictionary<string, string?> settings)
    {
        var server = new PlaygroundServer();
        foreach (var (key, value) in settings)
        {
            server.settings[key] = value;
        }

        if (settings.TryGetValue(DatabasePathSetting, out var path) && path is not null)
        {
            server.DatabasePath = path;
            server.ownsDatabase = false;
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
        builder.UseSetting(DatabasePathSetting, DatabasePath);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
        {
            TestDatabase.Delete(DatabasePath);
        }
    }
}
