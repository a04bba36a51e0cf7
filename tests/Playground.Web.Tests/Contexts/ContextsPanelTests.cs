using Playground.Execution.Events;
using Playground.Web.Components.Contexts;
using Playground.Web.Live;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Contexts;

public sealed class ContextsPanelTests : ComponentTest
{
    private static ContextBoard Board(params IEnumerable<LifecycleEvent>[] histories)
    {
        var board = new ContextBoard();
        foreach (var lifecycleEvent in histories.SelectMany(h => h).OrderBy(e => e.At))
        {
            board.Apply(lifecycleEvent);
        }

        return board;
    }

    [Fact]
    public void A_frozen_context_shows_how_long_it_has_been_frozen_and_keeps_counting_in_the_browser()
    {
        var board = Board(new Events("aaaaaa000001").ColdInvocation(start: 0, initMs: 200, invokeMs: 20));
        Clock.Now = T0.AddMilliseconds(225 + 12_000);

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        var card = panel.Find("[data-testid=context-card]");
        Assert.Equal("Frozen", card.GetAttribute("data-phase"));
        Assert.Equal("Frozen", panel.Find("[data-testid=context-state]").TextContent);
        var frozenFor = panel.Find("[data-testid=frozen-for]");
        Assert.Equal("12000", frozenFor.GetAttribute("data-elapsed-ms"));
        Assert.Equal("12.00 s", frozenFor.TextContent);
        Assert.Equal("1", panel.Find("[data-testid=context-invocations]").TextContent);
    }

    [Fact]
    public void A_busy_context_is_busy_and_a_starting_one_is_starting()
    {
        var events = new Events("bbbbbb000001");
        var board = Board(events.ColdInvocation(), events.WarmInvocation(10_000, 9_775).Take(2), [new Events("cccccc000001").At(10_001, LifecycleEventType.ContextCreated)]);

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        var phases = panel.FindAll("[data-testid=context-card]").Select(c => c.GetAttribute("data-phase")).ToList();
        Assert.Equal(["Busy", "Starting"], phases);
        Assert.Empty(panel.FindAll("[data-testid=frozen-for]"));
    }

    [Fact]
    public void A_reclaimed_context_says_why_and_goes_after_the_live_ones()
    {
        var old = new Events("dddddd000001");
        var fresh = new Events("eeeeee000002", version: 2);
        var board = Board(
            old.ColdInvocation(),
            [old.At(5_000, LifecycleEventType.Reclaimed) with { Reason = "new-version" }, old.At(5_050, LifecycleEventType.Gone) with { Reason = "new-version" }],
            fresh.ColdInvocation(start: 6_000));

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        var cards = panel.FindAll("[data-testid=context-card]");
        Assert.Equal("eeeeee000002", cards[0].GetAttribute("data-context-id"));
        Assert.Equal("Gone", cards[1].GetAttribute("data-phase"));
        Assert.Contains("ended", cards[1].ClassList);
        Assert.Equal("a new version was deployed", panel.Find("[data-testid=reclaim-reason]").TextContent);
        Assert.Equal("1 alive", panel.Find("[data-testid=alive-count]").TextContent);
    }

    [Fact]
    public void Tmp_usage_shows_what_is_used_of_the_quota()
    {
        var events = new Events("ffffff000001");
        var board = Board(events.ColdInvocation(), [events.At(300, LifecycleEventType.TmpUsage) with { TmpBytesUsed = 16 * 1024 * 1024, TmpBytesQuota = 512L * 1024 * 1024 }]);

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        Assert.Contains("16 MB of 512 MB", panel.Find(".pg-context-tmp-label").TextContent);
        Assert.Equal("3.125", panel.Find(".pg-context-tmp [role=progressbar]").GetAttribute("aria-valuenow"));
    }

    [Fact]
    public void Twenty_contexts_get_twenty_cards_and_the_counts_add_up()
    {
        var board = Board(Enumerable.Range(0, 20).Select(i => new Events($"ctx{i:D9}").ColdInvocation(start: i * 10)).ToArray());

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        Assert.Equal(20, panel.FindAll("[data-testid=context-card][data-phase=Frozen]").Count);
        Assert.Equal("20 alive", panel.Find("[data-testid=alive-count]").TextContent);
    }

    [Fact]
    public void The_panel_carries_the_server_time_of_the_last_event_it_shows()
    {
        var board = Board(new Events("abcdef000001").ColdInvocation());

        var panel = Render<ContextsPanel>(p => p.Add(x => x.Board, board));

        var expected = T0.AddMilliseconds(225).ToUnixTimeMilliseconds();
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), panel.Find("[data-testid=contexts]").GetAttribute("data-last-event-ms"));
    }
}
