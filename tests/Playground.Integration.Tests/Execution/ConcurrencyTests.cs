using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class ConcurrencyTests(PlaygroundServer server)
{
    private const string Sleeper = """
        object Handler(JsonElement input)
        {
            Thread.Sleep(input.GetProperty("workMs").GetInt32());
            return "done";
        }
        """;

    [Fact]
    public async Task Three_concurrent_one_second_invokes_run_in_three_contexts()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("parallel", Sleeper, new { reservedConcurrency = 3 });

        var three = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.InvokeAsync("parallel", new { workMs = 1000 })));

        Assert.All(three, i => Assert.Equal(HttpStatusCode.OK, i.Status));
        Assert.Equal(3, three.Select(i => i.ContextId).Distinct().Count());
        Assert.All(three, i => Assert.True(i.Cold));
    }

    [Fact]
    public async Task Concurrent_invokes_run_in_separate_contexts_and_one_past_the_reserved_concurrency_is_throttled()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("sleeper", Sleeper, new { reservedConcurrency = 3, timeout = 10 });

        // Long enough that the three overlap even when cold starts are slow on a loaded machine.
        var running = Enumerable.Range(0, 3).Select(_ => client.InvokeAsync("sleeper", new { workMs = 3000 })).ToArray();
        await WaitUntilAsync(async () => (await client.ContextsAsync("sleeper")).Count(c => (string)c!["state"]! == "Busy") == 3);
        var fourth = await client.InvokeAsync("sleeper", new { workMs = 1000 });
        var three = await Task.WhenAll(running);

        Assert.All(three, i => Assert.Equal(HttpStatusCode.OK, i.Status));
        Assert.Equal(3, three.Select(i => i.ContextId).Distinct().Count());
        Assert.Equal(HttpStatusCode.TooManyRequests, fourth.Status);
        var error = JsonNode.Parse(fourth.Body)!;
        Assert.Equal("ReservedFunctionConcurrentInvocationLimitExceeded", (string)error["Reason"]!);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 800; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(25);
        }

        Assert.Fail("the condition did not become true within 20 s");
    }
}
