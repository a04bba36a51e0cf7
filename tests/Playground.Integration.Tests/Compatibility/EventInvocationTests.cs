using System.Net;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Compatibility;

[Collection(ServerCollection.Name)]
public sealed class EventInvocationTests
{
    [Fact]
    public async Task An_event_whose_handler_fails_is_tried_three_times_like_lambdas_asynchronous_invoke()
    {
        await using var server = PlaygroundServer.With(new() { ["Execution:EventRetryDelay"] = "00:00:00.200" });
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("failing", "object Handler() => throw new InvalidOperationException(\"always\");");

        var accepted = await client.InvokeAsync("failing", new { }, request => request.Headers.Add("X-Amz-Invocation-Type", "Event"));

        Assert.Equal(HttpStatusCode.Accepted, accepted.Status);
        Assert.Equal(string.Empty, accepted.Body);
        var served = 0;
        for (var i = 0; i < 100 && served < 3; i++)
        {
            await Task.Delay(100);
            served = (await client.ContextsAsync("failing")).Sum(c => (int)c!["invocations"]!);
        }

        Assert.Equal(3, served);

        // Two retries, no more: after the retry delays have long passed, still three.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        Assert.Equal(3, (await client.ContextsAsync("failing")).Sum(c => (int)c!["invocations"]!));
    }

    [Fact]
    public async Task A_qualifier_names_an_older_version_whose_context_stays_warm_for_it()
    {
        await using var server = new PlaygroundServer();
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("pinned", "var n = 0; object Handler() => $\"one {++n}\";");
        await client.DeployAsync("pinned", "var n = 0; object Handler() => $\"two {++n}\";");

        var first = await client.InvokeAsync("pinned", null, r => r.RequestUri = new Uri(r.RequestUri!.OriginalString + "?Qualifier=1", UriKind.Relative));
        var again = await client.InvokeAsync("pinned", null, r => r.RequestUri = new Uri(r.RequestUri!.OriginalString + "?Qualifier=1", UriKind.Relative));
        var latest = await client.InvokeAsync("pinned");
        var unknown = await client.InvokeAsync("pinned", null, r => r.RequestUri = new Uri(r.RequestUri!.OriginalString + "?Qualifier=9", UriKind.Relative));

        Assert.Equal("\"one 1\"", first.Body);
        Assert.Equal("\"one 2\"", again.Body);
        Assert.False(again.Cold);
        Assert.Equal("1", again.Version);
        Assert.Equal("\"two 1\"", latest.Body);
        Assert.Equal("2", latest.Version);
        Assert.Equal(HttpStatusCode.NotFound, unknown.Status);
        Assert.Contains("function:pinned:9", unknown.Body);
    }
}
