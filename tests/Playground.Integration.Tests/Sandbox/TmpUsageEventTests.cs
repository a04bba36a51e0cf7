using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>The TmpUsage lifecycle event: the bytes in a context's /tmp and its quota, as soon as the invocation that changed them ends.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed class TmpUsageEventTests(AttackedServer attacked)
{
    [Fact]
    public async Task Filling_tmp_publishes_a_tmp_usage_event_with_the_bytes_used_and_the_quota_as_the_invocation_ends()
    {
        await using var attacker = await attacked.AttackerAsync("usage", """
            object Handler(JsonElement input)
            {
                File.WriteAllBytes("/tmp/data", new byte[input.GetProperty("mb").GetInt32() * 1024 * 1024]);
                return "written";
            }
            """, new { ephemeralStorageSize = 1024, timeout = 30 });
        using var stream = await attacker.Client.Http.GetStreamAsync("/api/events?function=usage");
        using var reader = new StreamReader(stream);
        Assert.Equal(": connected", await reader.ReadLineAsync());

        await attacker.ContainAsync(new { mb = 100 });
        var events = new List<JsonNode>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!events.Any(e => (string)e["type"]! == "Frozen") && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(JsonNode.Parse(line["data: ".Length..])!);
            }
        }

        var types = events.Select(e => (string)e["type"]!).ToList();
        var usage = events.Single(e => (string)e["type"]! == "TmpUsage");
        Assert.True(types.IndexOf("TmpUsage") < types.IndexOf("Frozen"), string.Join(",", types));
        Assert.Equal(100L * 1024 * 1024, (long)usage["tmpBytesUsed"]!);
        Assert.Equal(1024L * 1024 * 1024, (long)usage["tmpBytesQuota"]!);
    }
}
