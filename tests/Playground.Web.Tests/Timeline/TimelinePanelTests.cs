using Playground.Execution.Events;
using Playground.Web.Components.Timeline;
using Playground.Web.Live;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Timeline;

public sealed class TimelinePanelTests : ComponentTest
{
    private static ContextBoard Board(IEnumerable<LifecycleEvent> events)
    {
        var board = new ContextBoard();
        foreach (var lifecycleEvent in events.OrderBy(e => e.At))
        {
            board.Apply(lifecycleEvent);
        }

        return board;
    }

    [Fact]
    public void Each_context_gets_a_lane_with_its_init_its_invocations_and_the_frozen_time_between()
    {
        var first = new Events("aaaaaa000001");
        var second = new Events("bbbbbb000002");
        var board = Board(first.ColdInvocation().Concat(first.WarmInvocation(5_225, 5_000)).Concat(second.ColdInvocation(start: 100)));
        Clock.Now = T0.AddSeconds(10);

        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, board));

        var lanes = timeline.FindAll("[data-testid=timeline-lane]");
        Assert.Equal(2, lanes.Count);
        var kinds = lanes[0].QuerySelectorAll(".pg-span").Select(s => s.GetAttribute("data-kind")).ToList();
        Assert.Equal(["Init", "Invoke", "Frozen", "Invoke", "Frozen"], kinds);
        Assert.Contains("cold", lanes[0].QuerySelectorAll(".pg-span")[1].ClassList);
        Assert.DoesNotContain("cold", lanes[0].QuerySelectorAll(".pg-span")[3].ClassList);
        Assert.Equal("Frozen for 5.00 s", lanes[0].QuerySelectorAll(".pg-span")[2].GetAttribute("title"));
    }

    [Fact]
    public void Spans_sit_where_they_happened_on_the_time_axis()
    {
        var events = new Events("aaaaaa000001");
        var board = Board(events.ColdInvocation(start: 0, initMs: 195, invokeMs: 300));
        Clock.Now = T0.AddMilliseconds(1_000);

        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, board));

        // The axis runs from the first event past now, to a round 1,300 ms; Init starts at 5 ms and takes 195 ms.
        var init = timeline.Find(".pg-span[data-kind=Init]");
        Assert.Equal("left:0.385%;width:15%", init.GetAttribute("style"));
        Assert.Contains(timeline.FindAll(".pg-tick"), tick => tick.TextContent == "500 ms");
    }

    [Fact]
    public void A_timeout_and_a_reclaim_are_marked_on_the_lane()
    {
        var events = new Events("aaaaaa000001");
        var board = Board(events.ColdInvocation().Concat(
        [
            events.At(1_000, LifecycleEventType.Thawed) with { FrozenForMs = 775 },
            events.At(1_000, LifecycleEventType.InvokeStarted) with { Cold = false, RequestId = "33333333-cccc" },
            events.At(3_000, LifecycleEventType.InvokeTimedOut) with { DurationMs = 2_000, RequestId = "33333333-cccc" },
            events.At(4_000, LifecycleEventType.Reclaimed) with { Reason = "on-demand" },
        ]));
        Clock.Now = T0.AddSeconds(5);

        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, board));

        Assert.Contains("outcome-timedout", timeline.FindAll(".pg-span[data-kind=Invoke]")[^1].ClassList);
        var marks = timeline.FindAll(".pg-mark").Select(m => (m.GetAttribute("data-kind"), m.GetAttribute("title"))).ToList();
        Assert.Equal(
            [("Reset", "Timed out: runtime killed and restarted; /tmp kept"), ("Reclaim", "Reclaimed: forced cold start")],
            marks);
        Assert.Contains("ended", timeline.Find("[data-testid=timeline-lane]").ClassList);
    }

    [Fact]
    public void Background_log_lines_are_marked_where_they_happened()
    {
        var events = new Events("aaaaaa000001");
        var board = Board(events.ColdInvocation().Append(events.At(2_000, LifecycleEventType.Log) with { Text = "late work finished\n" }));
        Clock.Now = T0.AddSeconds(4);

        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, board));

        var mark = timeline.Find(".pg-mark[data-kind=Log]");
        Assert.Equal("late work finished", mark.GetAttribute("title"));
        Assert.Equal("left:44.444%", mark.GetAttribute("style"));
    }

    [Fact]
    public void Without_contexts_the_timeline_explains_what_will_appear()
    {
        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, new ContextBoard()));

        Assert.Empty(timeline.FindAll("[data-testid=timeline-lane]"));
        Assert.Contains("gets a lane here", timeline.Markup);
    }

    [Fact]
    public void What_is_still_going_on_ends_at_now_and_the_scale_leaves_room_after_it()
    {
        var board = Board(new Events("aaaaaa000001").ColdInvocation(start: 0, initMs: 195, invokeMs: 300));
        Clock.Now = T0.AddMilliseconds(1_000);

        var timeline = Render<TimelinePanel>(p => p.Add(x => x.Board, board));

        // Frozen at 500 ms and still frozen at 1,000 ms, on an axis of 1,300 ms.
        Assert.Equal("left:38.462%;width:38.462%", timeline.Find(".pg-span[data-kind=Frozen]").GetAttribute("style"));
    }

    [Fact]
    public void Ticks_are_round_and_few()
    {
        var scale = new TimelineScale(T0, T0.AddSeconds(47));

        var ticks = scale.Ticks();

        Assert.Equal(["0 s", "10 s", "20 s", "30 s", "40 s"], ticks.Select(t => t.Label));
    }
}
