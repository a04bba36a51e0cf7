using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class FreezeTests
{
    // The ticker starts at the first invocation and records the time every 50 ms, on a thread of its own.
    private const string Ticker = """
        var ticks = new List<DateTime>();
        var ticking = false;

        object Handler(JsonElement input, ILambdaContext context)
        {
            var begin = DateTime.UtcNow;
            if (!ticking)
            {
                ticking = true;
                new Thread(() => { while (true) { lock (ticks) ticks.Add(DateTime.UtcNow); Thread.Sleep(50); } }) { IsBackground = true }.Start();
            }

            Thread.Sleep(input.GetProperty("workMs").GetInt32());
            lock (ticks)
            {
                return new { begin, end = DateTime.UtcNow, ticks = ticks.ToArray() };
            }
        }
        """;

    [Theory]
    [InlineData("cgroup1")]
    [InlineData("cgroup2")]
    [InlineData("signals")]
    public async Task Frozen_context_runs_no_background_work_and_resumes_after_the_thaw(string freezer)
    {
        await using var server = PlaygroundServer.With(new() { ["Execution:Freezer"] = freezer });
        using var client = await server.NewSessionAsync();
        var health = JsonNode.Parse(await client.Http.GetStringAsync("/healthz"))!;
        Assert.Equal(freezer, (string)health["isolation"]!["freezer"]!);
        await client.DeployAsync("ticker", Ticker);

        var first = await client.InvokeAsync("ticker", new { workMs = 600 });
        await Task.Delay(TimeSpan.FromSeconds(1));
        var second = await client.InvokeAsync("ticker", new { workMs = 600 });

        Assert.Equal(first.ContextId, second.ContextId);
        var end1 = (DateTime)first.Json["end"]!;
        var begin1 = (DateTime)first.Json["begin"]!;
        var begin2 = (DateTime)second.Json["begin"]!;
        var end2 = (DateTime)second.Json["end"]!;
        var ticks = second.Json["ticks"]!.AsArray().Select(t => (DateTime)t!).ToList();

        Assert.True(ticks.Count(t => t > begin1 && t <= end1) >= 5, $"ticks while invocation 1 ran: {Describe(ticks, begin1, end1)}");
        Assert.True(begin2 - end1 > TimeSpan.FromMilliseconds(900), "the contexts was not idle for a second");

        // Between the response and the next thaw the context was frozen: not one tick. (The margins cover the
        // moment between the handler's return and the freeze, and between the thaw and the handler's start.)
        var frozenSpan = ticks.Where(t => t > end1.AddMilliseconds(150) && t < begin2.AddMilliseconds(-60)).ToList();
        Assert.True(frozenSpan.Count == 0, $"{frozenSpan.Count} ticks while frozen: {string.Join(", ", frozenSpan.Select(t => t.ToString("HH:mm:ss.fff")))}");
        Assert.True(ticks.Count(t => t >= begin2 && t <= end2) >= 5, $"ticks after the thaw: {Describe(ticks, begin2, end2)}");
    }

    private static string Describe(List<DateTime> ticks, DateTime from, DateTime to) =>
        $"{ticks.Count(t => t >= from && t <= to)} between {from:HH:mm:ss.fff} and {to:HH:mm:ss.fff} of {ticks.Count}";
}
