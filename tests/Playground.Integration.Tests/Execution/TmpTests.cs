using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class TmpTests(PlaygroundServer server)
{
    private const string TmpHandler = """
        object Handler(JsonElement input, ILambdaContext context)
        {
            var seenBefore = Directory.GetFiles("/tmp").Select(Path.GetFileName).Order().ToArray();
            if (input.TryGetProperty("write", out var name))
            {
                File.WriteAllText(Path.Combine("/tmp", name.GetString()!), context.AwsRequestId);
            }

            Thread.Sleep(input.TryGetProperty("workMs", out var work) ? work.GetInt32() : 0);
            var seenAfter = Directory.GetFiles("/tmp").Select(Path.GetFileName).Order().ToArray();
            return new { seenBefore, seenAfter };
        }
        """;

    [Fact]
    public async Task A_file_written_to_tmp_is_read_by_the_next_invoke_of_the_same_context()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("cache", TmpHandler);

        var write = await client.InvokeAsync("cache", new { write = "cached.json" });
        var read = await client.InvokeAsync("cache", new { });

        Assert.Equal(write.ContextId, read.ContextId);
        Assert.Equal(["cached.json"], Names(read, "seenBefore"));
    }

    [Fact]
    public async Task Two_concurrent_contexts_do_not_see_each_others_tmp()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("private", TmpHandler);

        var invocations = await Task.WhenAll(
            client.InvokeAsync("private", new { write = "a.txt", workMs = 1000 }),
            client.InvokeAsync("private", new { write = "b.txt", workMs = 1000 }));

        Assert.NotEqual(invocations[0].ContextId, invocations[1].ContextId);
        Assert.Equal(["a.txt"], Names(invocations[0], "seenAfter"));
        Assert.Equal(["b.txt"], Names(invocations[1], "seenAfter"));
    }

    [Fact]
    public async Task After_reclaiming_the_contexts_the_next_invoke_is_cold_and_tmp_is_empty()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("reclaimed", TmpHandler);
        var before = await client.InvokeAsync("reclaimed", new { write = "old.txt" });

        await client.ReclaimContextsAsync("reclaimed");
        var after = await client.InvokeAsync("reclaimed", new { });

        Assert.True(after.Cold);
        Assert.NotEqual(before.ContextId, after.ContextId);
        Assert.Contains("Init Duration", after.ReportLine);
        Assert.Empty(Names(after, "seenBefore"));
        var contexts = await client.ContextsAsync("reclaimed");
        Assert.Equal([after.ContextId], contexts.Select(c => (string?)c!["id"]));
    }

    private static string[] Names(Invocation invocation, string property) =>
        invocation.Json[property]!.AsArray().Select(n => (string)n!).ToArray();
}
