using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>
/// The server the escape-and-exhaustion suite attacks: a process of its own on a real loopback port (so handlers
/// have a real server port, content root and appsettings.json to go after), and a bystander session whose warm
/// function must keep answering, correctly and at once, while each attack runs and after it.
/// </summary>
public sealed class AttackedServer : IAsyncLifetime
{
    private const string Echo = "object Handler(JsonElement input) => input;";
    private int bystanderCalls;

    public ServerProcess Server { get; private set; } = null!;

    public PlaygroundClient Bystander { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // The bystander invokes all through the suite; the invocation quota has its own tests.
        Server = await ServerProcess.StartAsync(new Dictionary<string, string> { ["Quotas:Session:InvocationsPerMinute"] = "100000" });
        Bystander = Server.Client();
        await Bystander.StartSessionAsync();
        await Bystander.DeployAsync("bystander", Echo);
        await AssertBystanderServedAsync();
    }

    public async Task DisposeAsync()
    {
        Bystander.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>A new session that deploys a hostile handler; disposing it reclaims the handler's contexts.</summary>
    public async Task<Attacker> AttackerAsync(string function, string code, object? config = null)
    {
        var client = Server.Client();
        await client.StartSessionAsync();
        await client.DeployAsync(function, code, config);
        return new Attacker(this, client, function);
    }

    /// <summary>
    /// Runs one hostile invocation while the bystander invokes its function every 200 ms; every bystander
    /// invocation, during and after, must answer its own payload, and /healthz must say ok afterwards.
    /// </summary>
    public async Task<Invocation> ContainAsync(PlaygroundClient attacker, string function, object? payload)
    {
        var hostile = attacker.InvokeAsync(function, payload);
        do
        {
            await AssertBystanderServedAsync();
            await Task.WhenAny(hostile, Task.Delay(200));
        }
        while (!hostile.IsCompleted);

        var result = await hostile;
        await AssertBystanderServedAsync();
        var health = JsonNode.Parse(await Bystander.Http.GetStringAsync("/healthz"))!;
        Assert.Equal("ok", (string)health["status"]!);
        return result;
    }

    private async Task AssertBystanderServedAsync()
    {
        var n = Interlocked.Increment(ref bystanderCalls);
        var answer = await Bystander.InvokeAsync("bystander", new { n });
        Assert.True(answer.Status == HttpStatusCode.OK && answer.FunctionError is null, $"the bystander was not served: {answer}");
        Assert.Equal(n, (int)answer.Json["n"]!);
    }
}

/// <summary>One attacking session with its hostile function.</summary>
public sealed class Attacker(AttackedServer server, PlaygroundClient client, string function) : IAsyncDisposable
{
    public PlaygroundClient Client => client;

    /// <summary>The hostile invocation, with the bystander served all along (see <see cref="AttackedServer.ContainAsync"/>).</summary>
    public Task<Invocation> ContainAsync(object? payload = null) => server.ContainAsync(client, function, payload);

    public Task<Invocation> InvokeAsync(object? payload = null) => client.InvokeAsync(function, payload);

    public async ValueTask DisposeAsync()
    {
        await client.ReclaimContextsAsync(function);
        client.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class AttackedServerCollection : ICollectionFixture<AttackedServer>
{
    public const string Name = "attacked server";
}
