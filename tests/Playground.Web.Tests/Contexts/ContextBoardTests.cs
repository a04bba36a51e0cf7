using Playground.Execution.Contexts;
using Playground.Execution.Events;
using Playground.Web.Live;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Contexts;

public sealed class ContextBoardTests
{
    [Fact]
    public void A_thaw_ends_the_frozen_span_with_the_time_the_core_measured()
    {
        var events = new Events("aaaaaa000001");
        var board = new ContextBoard();
        foreach (var e in events.ColdInvocation().Concat(events.WarmInvocation(5_225, frozenForMs: 5_000)))
        {
            board.Apply(e);
        }

        var context = board.Contexts.Single();
        var frozen = context.Spans.Where(s => s.Kind == SpanKind.Frozen).ToList();
        Assert.Equal(2, frozen.Count);
        Assert.Equal(5_000, frozen[0].DurationMs);
        Assert.True(frozen[1].IsOpen);
        Assert.Equal(2, context.Invocations);
        Assert.Equal(1, context.ColdStarts);
        Assert.Equal(ContextPhase.Frozen, context.Phase);
    }

    [Fact]
    public void A_timeout_ends_the_invocation_marks_a_reset_and_leaves_the_context_waiting_for_init()
    {
        var events = new Events("aaaaaa000001");
        var board = new ContextBoard();
        foreach (var e in events.ColdInvocation().Concat(
        [
            events.At(1_000, LifecycleEventType.Thawed) with { FrozenForMs = 775 },
            events.At(1_000, LifecycleEventType.InvokeStarted) with { Cold = false },
            events.At(3_000, LifecycleEventType.InvokeTimedOut) with { DurationMs = 2_000 },
        ]))
        {
            board.Apply(e);
        }

        var context = board.Contexts.Single();
        Assert.Equal(SpanOutcome.TimedOut, context.Spans[^1].Outcome);
        Assert.Equal(MarkKind.Reset, context.Marks.Single().Kind);
        Assert.Equal(1, context.Resets);
        Assert.Equal(ContextPhase.Idle, context.Phase);
    }

    [Fact]
    public void Contexts_alive_before_the_page_subscribed_appear_from_the_core_with_their_frozen_time()
    {
        var board = new ContextBoard();
        var frozenSince = ComponentTest.T0.AddSeconds(-30);

        board.Merge(
            [
                new ContextSnapshot("old000000001", ContextState.Idle, 1, 4, frozenSince.AddSeconds(-60), frozenSince, true, frozenSince, 1024, 512L * 1024 * 1024, 40, 0),
                new ContextSnapshot("gone00000001", ContextState.Gone, 1, 1, frozenSince, frozenSince, false, null, 0, 0, 0, 0),
            ],
            ComponentTest.T0);

        var context = board.Contexts.Single();
        Assert.Equal(ContextPhase.Frozen, context.Phase);
        Assert.Equal(frozenSince, context.FrozenSince);
        Assert.Equal(4, context.Invocations);
        Assert.Equal(40, context.MaxMemoryUsedMb);
    }

    [Fact]
    public void Reclaimed_contexts_beyond_the_limit_leave_the_board_oldest_first()
    {
        var board = new ContextBoard();
        for (var i = 0; i < ContextBoard.MaxEndedContexts + 5; i++)
        {
            var events = new Events($"ctx{i:D9}");
            board.Apply(events.At(i * 10, LifecycleEventType.ContextCreated));
            board.Apply(events.At(i * 10 + 1, LifecycleEventType.Reclaimed) with { Reason = "on-demand" });
        }

        board.Apply(new Events("alive0000001").At(10_000, LifecycleEventType.ContextCreated));

        Assert.Equal(ContextBoard.MaxEndedContexts + 1, board.Contexts.Count);
        Assert.DoesNotContain(board.Contexts, c => c.Id == "ctx000000000");
        Assert.Contains(board.Contexts, c => c.Id == "alive0000001");
    }
}
