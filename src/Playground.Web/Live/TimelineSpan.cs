namespace Playground.Web.Live;

/// <summary>A stretch of a context's life on the timeline: its Init, one invocation, or a frozen spell.</summary>
public sealed class TimelineSpan(SpanKind kind, DateTimeOffset start)
{
    public SpanKind Kind { get; } = kind;

    public DateTimeOffset Start { get; } = start;

    public DateTimeOffset? End { get; set; }

    public SpanOutcome Outcome { get; set; } = SpanOutcome.Open;

    public string? RequestId { get; init; }

    /// <summary>An invocation that ran Init first.</summary>
    public bool Cold { get; init; }

    /// <summary>As the core measured it (Init, invoke); for a frozen spell, how long it was frozen.</summary>
    public double? DurationMs { get; set; }

    public string? Detail { get; set; }

    public bool IsOpen => Outcome == SpanOutcome.Open;
}
