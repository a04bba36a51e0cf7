using System.Collections.Concurrent;
using System.Net;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.History;

[Collection(ServerCollection.Name)]
public sealed class DurabilityTests
{
    private const string Counter = "var n = 0;\nobject Handler() => ++n;";

    [Fact]
    public async Task History_and_the_session_survive_a_restart_on_the_same_database()
    {
        var path = TestDatabase.NewPath();
        var settings = new Dictionary<string, string?> { [PlaygroundServer.DatabasePathSetting] = path };
        try
        {
            string session;
            var requestIds = new List<string>();
            await using (var first = PlaygroundServer.With(settings))
            {
                using var client = await first.NewSessionAsync();
                session = client.SessionId;
                await client.DeployAsync("counter", Counter);
                for (var i = 0; i < 3; i++)
                {
                    requestIds.Add((await client.InvokeAsync("counter")).RequestId());
                }
            }

            await using var second = PlaygroundServer.With(settings);
            using var again = new PlaygroundClient(second.CreateClient());
            again.Http.DefaultRequestHeaders.Add(PlaygroundClient.SessionHeader, session);
            var listed = await again.AllInvocationsAsync();
            using var response = await again.Http.GetAsync("/api/invocations");

            Assert.Equal(Enumerable.Reverse(requestIds), listed.Select(i => (string)i["requestId"]!));
            Assert.Equal(session, response.Headers.GetValues(PlaygroundClient.SessionHeader).Single());
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task A_function_deployed_before_a_restart_comes_back_with_its_version_and_a_cold_start()
    {
        var path = TestDatabase.NewPath();
        var settings = new Dictionary<string, string?> { [PlaygroundServer.DatabasePathSetting] = path };
        try
        {
            string session;
            await using (var first = PlaygroundServer.With(settings))
            {
                using var client = await first.NewSessionAsync();
                session = client.SessionId;
                await client.DeployAsync("counter", Counter);
                await client.DeployAsync("counter", "var n = 100;\nobject Handler() => ++n;", new { memorySize = 256 });
                await client.InvokeAsync("counter");
            }

            await using var second = PlaygroundServer.With(settings);
            using var again = new PlaygroundClient(second.CreateClient());
            again.Http.DefaultRequestHeaders.Add(PlaygroundClient.SessionHeader, session);
            var restored = await again.InvokeAsync("counter");
            var redeployed = await again.DeployAsync("counter", Counter);

            Assert.Equal(HttpStatusCode.OK, restored.Status);
            Assert.Equal("101", restored.Body);
            Assert.True(restored.Cold);
            Assert.Equal("2", restored.Version);
            Assert.Contains("Memory Size: 256 MB", restored.ReportLine);
            Assert.Equal(3, (int)redeployed["version"]!);
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task A_graceful_stop_right_after_a_burst_of_200_invocations_loses_none_of_them()
    {
        var path = TestDatabase.NewPath();
        try
        {
            // A flush interval longer than the test: what is still queued at the stop is written by the stop alone.
            var server = PlaygroundServer.With(new() { [PlaygroundServer.DatabasePathSetting] = path, ["Data:FlushInterval"] = "00:10:00" });
            using var client = await server.NewSessionAsync();
            await client.DeployAsync("counter", Counter, new { reservedConcurrency = 10 });
            var acknowledged = new ConcurrentBag<string>();
            await Parallel.ForAsync(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (_, _) =>
            {
                var invocation = await client.InvokeAsync("counter");
                Assert.Equal(HttpStatusCode.OK, invocation.Status);
                acknowledged.Add(invocation.RequestId());
            });

            await server.DisposeAsync();

            Assert.Equal(acknowledged.ToHashSet(), await TestDatabase.RequestIdsAsync(path));
            Assert.True(await TestDatabase.ScalarAsync<long>(path,
                $"SELECT count(*) FROM LifecycleEvents WHERE SessionId = '{client.SessionId}' AND Type = 'Reclaimed' AND Reason = 'shutdown'") > 0,
                "the Reclaimed events of the shutdown itself were not kept");
        }
        finally
        {
            TestDatabase.Delete(path);
        }
    }

    [Fact]
    public async Task After_kill_9_in_a_burst_the_database_is_intact_and_holds_every_invocation_committed_before()
    {
        const int workers = 4;
        await using var server = await ServerProcess.StartAsync();
        using var client = server.Client();
        await client.StartSessionAsync();
        await client.DeployAsync("counter", Counter, new { reservedConcurrency = 10 });
        var acknowledged = new ConcurrentBag<string>();
        using var stop = new CancellationTokenSource();
        var burst = Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var invocation = await client.InvokeAsync("counter");
                    if (invocation.Status == HttpStatusCode.OK)
                    {
                        acknowledged.Add(invocation.RequestId());
                    }
                }
                catch (HttpRequestException)
                {
                    return;
                }
            }
        })).ToArray();

        // What the history API lists was read back from the database: committed, whatever happens to the process next.
        var committed = (await client.WaitForInvocationsAsync(100)).Select(i => (string)i["requestId"]!).ToHashSet();
        Assert.DoesNotContain(burst, worker => worker.IsCompleted);
        server.Signal(9);
        await server.WaitForExitAsync(TimeSpan.FromSeconds(20));
        await stop.CancelAsync();
        await Task.WhenAll(burst);

        Assert.Equal("ok", await TestDatabase.ScalarAsync<string>(server.DatabasePath, "PRAGMA integrity_check"));
        var stored = await TestDatabase.RequestIdsAsync(server.DatabasePath);
        Assert.Subset(stored, committed);

        // Each worker had at most one invocation in flight when the server died: nothing else can be in the database.
        Assert.True(stored.Except(acknowledged).Count() <= workers);
    }
}
