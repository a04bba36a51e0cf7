using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>A session's lifecycle events as an SSE client reads them from <c>/api/events</c>.</summary>
public sealed class EventStream : IDisposable
{
    private readonly Stream stream;
    private readonly StreamReader reader;

    private EventStream(Stream stream)
    {
        this.stream = stream;
        reader = new StreamReader(stream);
    }

    /// <summary>Opens the stream and waits until the server has subscribed it, so no later event is missed.</summary>
    public static async Task<EventStream> OpenAsync(PlaygroundClient client, string function)
    {
        var events = new EventStream(await client.Http.GetStreamAsync($"/api/events?function={function}"));
        Assert.Equal(": connected", await events.reader.ReadLineAsync());
        return events;
    }

    /// <summary>The next event that matches, skipping the others.</summary>
    public async Task<JsonNode> NextAsync(Func<JsonNode, bool> match, TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        while (await reader.ReadLineAsync(limit.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && JsonNode.Parse(line["data: ".Length..]) is { } e && match(e))
            {
                return e;
            }
        }

        throw new EndOfStreamException("the event stream ended");
    }

    public void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }
}
