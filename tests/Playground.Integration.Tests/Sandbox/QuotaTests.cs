using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>A server with small quotas, so that each can be reached in a few invocations.</summary>
public sealed class TightQuotasServer : IAsyncLifetime
{
    public PlaygroundServer Server { get; } = PlaygroundServer.With(new()
    {
        ["Quotas:Session:MaxContexts"] = "2",
        ["Quotas:Session:MaxEphemeralStorageMb"] = "1536",
        ["Quotas:Session:InvocationsPerMinute"] = "8",
        ["Quotas:Server:MaxContexts"] = "3",
        ["Quotas:Server:MaxEphemeralStorageMb"] = "2560",
    });

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// Quotas: a clear 429 or 413 naming the quota, at once; and what one session does never costs another session the
/// contexts it has.
/// </summary>
public sealed class QuotaTests(TightQuotasServer tight) : IClassFixture<TightQuotasServer>
{
    private const string Echo = "object Handler(JsonElement input) => input;";

    [Fact]
    public async Task A_session_past_its_contexts_quota_is_throttled_naming_the_quota_while_another_session_gets_a_context()
    {
        using var greedy = await tight.Server.NewSessionAsync();
        using var other = await tight.Server.NewSessionAsync();
        try
        {
            foreach (var name in new[] { "one", "two", "three" })
            {
                await greedy.DeployAsync(name, Echo);
            }

            await greedy.InvokeAsync("one");
            await greedy.InvokeAsync("two");
            var third = await greedy.InvokeAsync("three");
            await other.DeployAsync("mine", Echo);
            var others = await other.InvokeAsync("mine");

            AssertThrottled(third, "ConcurrentInvocationLimitExceeded", "This session has 2 execution contexts, its quota (Quotas:Session:MaxContexts)");
            Assert.Equal(HttpStatusCode.OK, others.Status);
        }
        finally
        {
            await ReclaimAsync(greedy, "one", "two", "three");
            await ReclaimAsync(other, "mine");
        }
    }

    [Fact]
    public async Task A_session_past_its_ephemeral_storage_quota_is_throttled_naming_the_quota()
    {
        using var session = await tight.Server.NewSessionAsync();
        try
        {
            await session.DeployAsync("first", Echo, new { ephemeralStorageSize = 1024 });
            await session.DeployAsync("second", Echo, new { ephemeralStorageSize = 1024 });

            var first = await session.InvokeAsync("first");
            var second = await session.InvokeAsync("second");

            Assert.Equal(HttpStatusCode.OK, first.Status);
            AssertThrottled(second, "EphemeralStorageLimitExceeded",
                "This session's execution contexts hold 1024 MB of /tmp; another 1024 MB would pass its quota of 1536 MB (Quotas:Session:MaxEphemeralStorageMb)");
        }
        finally
        {
            await ReclaimAsync(session, "first", "second");
        }
    }

    [Fact]
    public async Task Past_the_servers_contexts_quota_a_new_session_is_throttled_and_the_sessions_with_contexts_keep_them_warm()
    {
        using var first = await tight.Server.NewSessionAsync();
        using var second = await tight.Server.NewSessionAsync();
        using var late = await tight.Server.NewSessionAsync();
        try
        {
            await first.DeployAsync("a", Echo);
            await first.DeployAsync("b", Echo);
            await second.DeployAsync("c", Echo);
            await late.DeployAsync("d", Echo);
            var a = await first.InvokeAsync("a");
            await first.InvokeAsync("b");
            var c = await second.InvokeAsync("c");

            var refused = await late.InvokeAsync("d");
            var aAgain = await first.InvokeAsync("a");
            var cAgain = await second.InvokeAsync("c");
            var health = JsonNode.Parse(await late.Http.GetStringAsync("/healthz"))!;

            AssertThrottled(refused, "ConcurrentInvocationLimitExceeded", "The server runs 3 execution contexts, its quota for all sessions (Quotas:Server:MaxContexts)");
            Assert.False(aAgain.Cold);
            Assert.Equal(a.ContextId, aAgain.ContextId);
            Assert.False(cAgain.Cold);
            Assert.Equal(c.ContextId, cAgain.ContextId);
            Assert.Equal(3, (int)health["contexts"]!);
        }
        finally
        {
            await ReclaimAsync(first, "a", "b");
            await ReclaimAsync(second, "c");
            await ReclaimAsync(late, "d");
        }
    }

    [Fact]
    public async Task Past_the_servers_ephemeral_storage_quota_a_new_context_is_throttled_naming_the_quota()
    {
        using var first = await tight.Server.NewSessionAsync();
        using var second = await tight.Server.NewSessionAsync();
        try
        {
            await first.DeployAsync("big", Echo, new { ephemeralStorageSize = 1536 });
            await second.DeployAsync("big", Echo, new { ephemeralStorageSize = 1536 });

            var admitted = await first.InvokeAsync("big");
            var refused = await second.InvokeAsync("big");

            Assert.Equal(HttpStatusCode.OK, admitted.Status);
            AssertThrottled(refused, "EphemeralStorageLimitExceeded",
                "The server's execution contexts hold 1536 MB of /tmp; another 1536 MB would pass its quota of 2560 MB for all sessions (Quotas:Server:MaxEphemeralStorageMb)");
        }
        finally
        {
            await ReclaimAsync(first, "big");
            await ReclaimAsync(second, "big");
        }
    }

    [Fact]
    public async Task A_session_past_its_invocations_per_minute_gets_a_lambda_429_at_once_and_another_session_is_not_slowed()
    {
        using var busy = await tight.Server.NewSessionAsync();
        using var other = await tight.Server.NewSessionAsync();
        try
        {
            await busy.DeployAsync("echo", Echo);
            await other.DeployAsync("echo", Echo);
            for (var i = 0; i < 8; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await busy.InvokeAsync("echo", new { i })).Status);
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, "/2015-03-31/functions/echo/invocations") { Content = new StringContent("{}") };
            using var ninth = await busy.Http.SendAsync(request);
            var body = JsonNode.Parse(await ninth.Content.ReadAsStringAsync())!;
            var others = await other.InvokeAsync("echo");

            Assert.Equal(HttpStatusCode.TooManyRequests, ninth.StatusCode);
            Assert.Equal("TooManyRequestsException", ninth.Headers.GetValues("x-amzn-ErrorType").Single());
            Assert.True(ninth.Headers.RetryAfter is not null);
            Assert.Equal("User", (string)body["Type"]!);
            Assert.Equal("CallerRateLimitExceeded", (string)body["Reason"]!);
            Assert.Equal("Rate Exceeded. This session may invoke 8 times per minute, its quota (Quotas:Session:InvocationsPerMinute).", (string)body["message"]!);
            Assert.Equal(HttpStatusCode.OK, others.Status);
        }
        finally
        {
            await ReclaimAsync(busy, "echo");
            await ReclaimAsync(other, "echo");
        }
    }

    [Fact]
    public async Task An_event_past_six_mb_is_refused_with_413_naming_the_limit()
    {
        using var session = await tight.Server.NewSessionAsync();
        await session.DeployAsync("echo", Echo);
        var payload = "{\"data\":\"" + new string('x', 6 * 1024 * 1024) + "\"}";

        using var request = new HttpRequestMessage(HttpMethod.Post, "/2015-03-31/functions/echo/invocations")
        {
            Content = new StringContent(payload, Encoding.UTF8, "application/json"),
        };
        using var response = await session.Http.SendAsync(request);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("RequestTooLargeException", response.Headers.GetValues("x-amzn-ErrorType").Single());
        Assert.Equal("Request must be smaller than 6291456 bytes for the InvokeFunction operation", (string)body["message"]!);
    }

    private static void AssertThrottled(Invocation invocation, string reason, string quota)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, invocation.Status);
        var error = invocation.Json;
        Assert.Equal(reason, (string)error["Reason"]!);
        Assert.Equal("User", (string)error["Type"]!);
        Assert.StartsWith("Rate Exceeded. " + quota, (string)error["message"]!);
    }

    private static async Task ReclaimAsync(PlaygroundClient session, params string[] functions)
    {
        foreach (var function in functions)
        {
            using var response = await session.Http.DeleteAsync($"/api/functions/{function}/contexts");
        }
    }
}
