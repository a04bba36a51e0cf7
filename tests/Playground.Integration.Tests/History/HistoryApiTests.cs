using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.History;

[Collection(ServerCollection.Name)]
public sealed class HistoryApiTests(PlaygroundServer server)
{
    private const string Echo = """
        object Handler(JsonElement input, ILambdaContext context)
        {
            if (input.TryGetProperty("fail", out _)) throw new InvalidOperationException("asked to fail");
            context.Logger.LogLine("echoing");
            return new { echo = input };
        }
        """;

    [Fact]
    public async Task The_history_lists_the_sessions_invocations_newest_first_filtered_and_paged()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("echo", Echo);
        await client.DeployAsync("other", Echo);
        var invoked = new List<Invocation>();
        for (var i = 0; i < 4; i++)
        {
            invoked.Add(await client.InvokeAsync("echo", new { i }));
        }

        var failed = await client.InvokeAsync("echo", new { fail = true });
        await client.InvokeAsync("other");

        var all = await client.WaitForInvocationsAsync(6);
        var echoes = await client.AllInvocationsAsync("?function=echo&limit=2");
        var errors = await client.AllInvocationsAsync("?status=FunctionError");
        var cold = await client.AllInvocationsAsync("?function=echo&cold=true");

        Assert.Equal(6, all.Count);
        Assert.Equal(invoked.Append(failed).Select(i => i.RequestId()).Reverse(), echoes.Select(i => (string)i["requestId"]!));
        Assert.Equal([failed.RequestId()], errors.Select(i => (string)i["requestId"]!));
        Assert.Equal([invoked[0].RequestId()], cold.Select(i => (string)i["requestId"]!));
    }

    [Fact]
    public async Task One_invocation_reads_back_with_its_request_response_and_log()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("echo", Echo);
        var invocation = await client.InvokeAsync("echo", new { greeting = "hello" });
        await client.WaitForInvocationsAsync(1);

        var body = await client.Http.GetStringAsync($"/api/invocations/{invocation.RequestId()}");
        var stored = JsonNode.Parse(body)!;

        Assert.Equal("echo", (string)stored["function"]!);
        Assert.Equal("Success", (string)stored["status"]!);
        Assert.True((bool)stored["cold"]!);
        Assert.Equal(invocation.ContextId, (string)stored["contextId"]!);
        Assert.Equal("hello", (string)JsonNode.Parse((string)stored["request"]!)!["greeting"]!);
        Assert.Equal(invocation.Body, (string)stored["response"]!);
        Assert.Contains("echoing", (string)stored["log"]!);
        Assert.Contains("REPORT RequestId: " + invocation.RequestId(), (string)stored["log"]!);
        Assert.False((bool)stored["responseTruncated"]!);
    }

    [Fact]
    public async Task A_response_past_its_cap_is_kept_cut_with_a_visible_marker()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("big", "object Handler() => new string('x', 200_000);");
        var invocation = await client.InvokeAsync("big");
        await client.WaitForInvocationsAsync(1);

        var stored = JsonNode.Parse(await client.Http.GetStringAsync($"/api/invocations/{invocation.RequestId()}"))!;

        Assert.True((bool)stored["responseTruncated"]!);
        Assert.Contains("[truncated: ", (string)stored["response"]!);
        Assert.True(((string)stored["response"]!).Length < 70_000);
    }

    [Fact]
    public async Task Bad_filters_are_refused_naming_what_is_allowed()
    {
        using var client = await server.NewSessionAsync();

        using var status = await client.Http.GetAsync("/api/invocations?status=exploded");
        using var cold = await client.Http.GetAsync("/api/invocations?cold=maybe");
        using var limit = await client.Http.GetAsync("/api/invocations?limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, status.StatusCode);
        Assert.Contains("Success, FunctionError, Timeout, Crash, Throttled", await status.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, cold.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
    }
}
