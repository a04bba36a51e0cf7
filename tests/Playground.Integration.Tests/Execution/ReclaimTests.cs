using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class ReclaimTests
{
    private const string Counter = "var n = 0; object Handler() => ++n;";

    [Fact]
    public async Task A_context_idle_past_its_keep_warm_time_is_reclaimed_and_the_next_invoke_is_cold()
    {
        await using var server = PlaygroundServer.With(new() { ["Execution:ReclaimSweepInterval"] = "00:00:00.200" });
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("dozing", Counter, new { keepWarmSeconds = 1 });
        using var events = await EventStream.OpenAsync(client, "dozing");

        var first = await client.InvokeAsync("dozing");
        var reclaimed = await events.NextAsync(e => (string?)e["type"] == "Reclaimed", TimeSpan.FromSeconds(15));
        var gone = await events.NextAsync(e => (string?)e["type"] == "Gone", TimeSpan.FromSeconds(15));
        var contexts = await client.ContextsAsync("dozing");
        var next = await client.InvokeAsync("dozing");

        Assert.Equal("idle", (string?)reclaimed["reason"]);
        Assert.Equal(first.ContextId, (string?)reclaimed["contextId"]);
        Assert.Equal(first.ContextId, (string?)gone["contextId"]);
        Assert.Empty(contexts);
        Assert.True(next.Cold);
        Assert.Equal("1", next.Body);
    }

    [Fact]
    public async Task A_context_past_the_maximum_lifetime_is_reclaimed_even_while_it_is_used()
    {
        await using var server = PlaygroundServer.With(new()
        {
            ["Execution:ReclaimSweepInterval"] = "00:00:00.200",
            ["Execution:MaxContextLifetime"] = "00:00:02",
        });
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("busy", Counter);
        using var events = await EventStream.OpenAsync(client, "busy");

        var first = await client.InvokeAsync("busy");
        var served = new List<Invocation> { first };
        var reclaimed = events.NextAsync(e => (string?)e["type"] == "Reclaimed", TimeSpan.FromSeconds(20));
        while (!reclaimed.IsCompleted)
        {
            served.Add(await client.InvokeAsync("busy"));
            await Task.Delay(100);
        }

        var reason = await reclaimed;
        var after = await client.InvokeAsync("busy");

        Assert.Equal("lifetime", (string?)reason["reason"]);
        Assert.Equal(first.ContextId, (string?)reason["contextId"]);
        Assert.True(served.Count > 5, $"only {served.Count} invocations before the reclaim");
        Assert.True(after.Cold);
        Assert.NotEqual(first.ContextId, after.ContextId);
    }
}
