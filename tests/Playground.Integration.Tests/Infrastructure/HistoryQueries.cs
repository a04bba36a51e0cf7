using System.Net;
using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>The history API as a test reads it.</summary>
public static class HistoryQueries
{
    /// <summary>The request id Lambda's START line names.</summary>
    public static string RequestId(this Invocation invocation)
    {
        var start = invocation.Log.Split('\n').First(line => line.StartsWith("START RequestId: ", StringComparison.Ordinal));
        return start["START RequestId: ".Length..].Split(' ')[0];
    }

    public static async Task<JsonObject> InvocationsPageAsync(this PlaygroundClient client, string query = "")
    {
        using var response = await client.Http.GetAsync($"/api/invocations{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET /api/invocations{query} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Every page of the query, following <c>next</c>.</summary>
    public static async Task<List<JsonObject>> AllInvocationsAsync(this PlaygroundClient client, string query = "?limit=500")
    {
        var all = new List<JsonObject>();
        string? next = $"/api/invocations{query}";
        while (next is not null)
        {
            var page = await client.InvocationsPageAsync(next["/api/invocations".Length..]);
            all.AddRange(page["invocations"]!.AsArray().Select(i => i!.AsObject()));
            next = (string?)page["next"];
        }

        return all;
    }

    /// <summary>Waits (up to 30 s) until the history lists at least <paramref name="count"/> invocations for the query: it is written within a flush interval.</summary>
    public static async Task<List<JsonObject>> WaitForInvocationsAsync(this PlaygroundClient client, int count, string query = "?limit=500")
    {
        var all = await client.AllInvocationsAsync(query);
        for (var attempt = 0; attempt < 300 && all.Count < count; attempt++)
        {
            await Task.Delay(100);
            all = await client.AllInvocationsAsync(query);
        }

        Assert.True(all.Count >= count, $"the history listed {all.Count} of {count} invocations after 30 s");
        return all;
    }
}
