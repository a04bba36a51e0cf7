using Playground.Execution.Contexts;
using Playground.Execution.Events;

namespace Playground.Web.Live;

/// <summary>
/// One execution context as the page knows it: its state and numbers, and the spans and marks of its timeline lane,
/// built from its lifecycle events as they arrive.
/// </summary>
public sealed class ContextModel(string id, int version, DateTimeOffset firstSeen)
{
    /// <summary>Bounds what one lane keeps, so that a page left open for hours stays light.</summary>
    public const int MaxSpans = 400;
    public const int MaxMarks = 200;

    private readonly List<TimelineSpan> spans = [];
    private readonly List<TimelineMark> marks = [];

    public string Id { get; } = id;

    public int Version { get; } = version;

    public DateTimeOffset FirstSeen { get; } = firstSeen;

    public ContextPhase Phase { get; set; } = ContextPhase.Starting;

    public DateTimeOffset? FrozenSince { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public string? ReclaimReason { get; private set; }

    public int Invocations { get; private set; }

    public int ColdStarts { get; private set; }

    public int Resets { get; private set; }

    public long TmpBytesUsed { get; private set; }

    public long TmpBytesQuota { get; private set; }

    public int MaxMemoryUsedMb { get; private set; }

    public string? LastProblem { get; private set; }

    public IReadOnlyList<TimelineSpan> Spans => spans;

    public IReadOnlyList<TimelineMark> Marks => marks;

    public bool IsAlive => Phase is not (ContextPhase.Reclaimed or ContextPhase.Gone);

    public void Apply(LifecycleEvent e)
    {
        switch (e.Type)
        {
            case LifecycleEventType.ContextCreated:
                Phase = ContextPhase.Starting;
                break;
            case LifecycleEventType.InitStarted:
                Phase = ContextPhase.Initializing;
                Open(new TimelineSpan(SpanKind.Init, e.At));
                break;
            case LifecycleEventType.InitCompleted:
                Close(SpanKind.Init, e.At, SpanOutcome.Succeeded, e.DurationMs, null);
                Phase = ContextPhase.Busy;
                break;
            case LifecycleEventType.InitFailed:
                Close(SpanKind.Init, e.At, SpanOutcome.Failed, e.DurationMs, e.Text);
                LastProblem = $"Init failed: {e.Text}";
                Invocations++;
                Phase = ContextPhase.Idle;
                break;
            case LifecycleEventType.InvokeStarted:
                Phase = ContextPhase.Busy;
                if (e.Cold == true)
                {
                    ColdStarts++;
                }

                Open(new TimelineSpan(SpanKind.Invoke, e.At) { RequestId = e.RequestId, Cold = e.Cold == true });
                break;
            case LifecycleEventType.InvokeCompleted:
                Close(SpanKind.Invoke, e.At, SpanOutcome.Succeeded, e.DurationMs, null);
                Invocations++;
                break;
            case LifecycleEventType.InvokeFailed:
                Close(SpanKind.Invoke, e.At, SpanOutcome.Failed, e.DurationMs, e.Text);
                Invocations++;
                break;
            case LifecycleEventType.InvokeTimedOut:
                Close(SpanKind.Invoke, e.At, SpanOutcome.TimedOut, e.DurationMs, "timed out");
                Invocations++;
                Resets++;
                LastProblem = "Timed out: runtime restarted, /tmp kept.";
                Mark(new TimelineMark(MarkKind.Reset, e.At, "Timed out: runtime killed and restarted; /tmp kept"));
                Phase = ContextPhase.Idle;
                break;
            case LifecycleEventType.Crashed:
                CloseAll(e.At, SpanOutcome.Crashed);
                Resets++;
                LastProblem = $"Crashed: {e.Text}";
                Mark(new TimelineMark(MarkKind.Crash, e.At, $"Crashed: {e.Text}"));
                Phase = ContextPhase.Idle;
                break;
            case LifecycleEventType.Frozen:
                Phase = ContextPhase.Frozen;
                FrozenSince = e.At;
                Open(new TimelineSpan(SpanKind.Frozen, e.At));
                break;
            case LifecycleEventType.Thawed:
                Close(SpanKind.Frozen, e.At, SpanOutcome.Succeeded, e.FrozenForMs, null);
                FrozenSince = null;
                Phase = ContextPhase.Busy;
                break;
            case LifecycleEventType.Log:
                Mark(new TimelineMark(MarkKind.Log, e.At, (e.Text ?? string.Empty).TrimEnd('\n')));
                break;
            case LifecycleEventType.TmpUsage:
                TmpBytesUsed = e.TmpBytesUsed ?? TmpBytesUsed;
                TmpBytesQuota = e.TmpBytesQuota ?? TmpBytesQuota;
                break;
            case LifecycleEventType.Reclaimed:
                CloseAll(e.At, SpanOutcome.Ended);
                ReclaimReason = e.Reason;
                FrozenSince = null;
                EndedAt = e.At;
                Phase = ContextPhase.Reclaimed;
                Mark(new TimelineMark(MarkKind.Reclaim, e.At, $"Reclaimed: {ReclaimReasonText.Describe(e.Reason)}"));
                break;
            case LifecycleEventType.Gone:
                CloseAll(e.At, SpanOutcome.Ended);
                ReclaimReason ??= e.Reason;
                EndedAt ??= e.At;
                FrozenSince = null;
                Phase = ContextPhase.Gone;
                break;
        }
    }

    /// <summary>Takes the numbers the events do not carry (peak memory) and corrects counts from the core's own view.</summary>
    public void Merge(ContextSnapshot snapshot)
    {
        Invocations = Math.Max(Invocations, snapshot.Invocations);
        Resets = Math.Max(Resets, snapshot.Resets);
        MaxMemoryUsedMb = Math.Max(MaxMemoryUsedMb, snapshot.MaxMemoryUsedMb);
        TmpBytesUsed = snapshot.TmpBytesUsed;
        TmpBytesQuota = snapshot.TmpBytesQuota;
    }

    /// <summary>A context that was alive before the page subscribed: its past is unknown, its present is not.</summary>
    public static ContextModel FromSnapshot(ContextSnapshot snapshot, DateTimeOffset now)
    {
        var model = new ContextModel(snapshot.Id, snapshot.Version, now);
        model.Merge(snapshot);
        model.Phase = snapshot.State switch
        {
            ContextState.Starting => ContextPhase.Starting,
            ContextState.Initializing => ContextPhase.Initializing,
            ContextState.Busy => ContextPhase.Busy,
            ContextState.Idle when snapshot.Frozen => ContextPhase.Frozen,
            ContextState.ShuttingDown => ContextPhase.Reclaimed,
            ContextState.Gone => ContextPhase.Gone,
            _ => ContextPhase.Idle,
        };
        if (model.Phase == ContextPhase.Frozen && snapshot.FrozenSince is { } since)
        {
            model.FrozenSince = since;
            model.Open(new TimelineSpan(SpanKind.Frozen, since));
        }

        return model;
    }

    private void Open(TimelineSpan span)
    {
        // A span of the same kind left open (an event lost to a full queue) ends where the next one starts.
        Close(span.Kind, span.Start, SpanOutcome.Ended, null, null);
        spans.Add(span);
        if (spans.Count > MaxSpans)
        {
            spans.RemoveAt(0);
        }
    }

    private void Close(SpanKind kind, DateTimeOffset at, SpanOutcome outcome, double? durationMs, string? detail)
    {
        for (var i = spans.Count - 1; i >= 0; i--)
        {
            var span = spans[i];
            if (span.Kind == kind && span.IsOpen)
            {
                span.End = at;
                span.Outcome = outcome;
                span.DurationMs = durationMs ?? (at - span.Start).TotalMilliseconds;
                span.Detail = detail;
                return;
            }
        }
    }

    private void CloseAll(DateTimeOffset at, SpanOutcome outcome)
    {
        foreach (var span in spans.Where(s => s.IsOpen))
        {
            span.End = at;
            span.Outcome = span.Kind == SpanKind.Frozen ? SpanOutcome.Ended : outcome;
            span.DurationMs = (at - span.Start).TotalMilliseconds;
        }
    }

    private void Mark(TimelineMark mark)
    {
        marks.Add(mark);
        if (marks.Count > MaxMarks)
        {
            marks.RemoveAt(0);
        }
    }
}
