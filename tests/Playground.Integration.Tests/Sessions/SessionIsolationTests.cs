using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sessions;

[Collection(ServerCollection.Name)]
public sealed class SessionIsolationTests(PlaygroundServer server)
{
    private const string Counter = "var n = 0;\nobject Handler() => ++n;";

    [Fact]
    public async Task Session_B_reads_none_of_session_As_events_through_the_event_stream()
    {
        using var a = await server.NewSessionAsync();
        using var b = await server.NewSessionAsync();
        await a.DeployAsync("secret", Counter);
        await b.DeployAsync("mine", Counter);
        using var stream = await b.Http.GetAsync("/api/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await reader.ReadLineAsync());

        // Events reach a stream in the order they happen: had B's stream been given A's, they would come before B's own.
        await a.InvokeAsync("secret");
        var mine = await b.InvokeAsync("mine");
        var seen = new List<JsonNode>();
        while (!seen.Any(e => (string?)e["type"] == "InvokeCompleted" && (string?)e["requestId"] == mine.RequestId()))
        {
            var line = await reader.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (line is not null && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                seen.Add(JsonNode.Parse(line["data: ".Length..])!);
            }
        }

        Assert.All(seen, e => Assert.Equal(b.SessionId, (string)e["sessionId"]!));
        Assert.All(seen, e => Assert.Equal("mine", (string)e["functionName"]!));
    }

    [Fact]
    public async Task Session_B_reads_none_of_session_As_functions_or_invocations_through_any_endpoint()
    {
        using var a = await server.NewSessionAsync();
        using var b = await server.NewSessionAsync();
        await a.DeployAsync("secret", Counter);
        var theirs = await a.InvokeAsync("secret");
        await a.WaitForInvocationsAsync(1);
        await b.DeployAsync("mine", Counter);
        var mine = await b.InvokeAsync("mine");
        await b.WaitForInvocationsAsync(1);

        Assert.Equal([mine.RequestId()], (await b.AllInvocationsAsync()).Select(i => (string)i["requestId"]!));
        Assert.Empty(await b.AllInvocationsAsync("?function=secret"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, HttpMethod.Get, $"/api/invocations/{theirs.RequestId()}"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync(a, HttpMethod.Get, $"/api/invocations/{theirs.RequestId()}"));
        Assert.DoesNotContain("secret", await b.Http.GetStringAsync("/api/functions"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, HttpMethod.Get, "/api/functions/secret"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, HttpMethod.Get, "/api/functions/secret/contexts"));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(b, HttpMethod.Delete, "/api/functions/secret/contexts"));
        Assert.Equal(HttpStatusCode.NotFound, (await b.InvokeAsync("secret")).Status);

        // A's function was untouched by all of that: its context is still warm.
        var again = await a.InvokeAsync("secret");
        Assert.Equal("2", again.Body);
    }

    private static async Task<HttpStatusCode> StatusAsync(PlaygroundClient client, HttpMethod method, string path)
    {
        using var response = await client.Http.SendAsync(new HttpRequestMessage(method, path));
        return response.StatusCode;
    }
}
