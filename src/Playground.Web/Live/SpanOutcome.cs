namespace Playground.Web.Live;

public enum SpanOutcome
{
    /// <summary>Still going on.</summary>
    Open,
    Succeeded,
    Failed,
    TimedOut,
    Crashed,

    /// <summary>The context was reclaimed while the span was open.</summary>
    Ended,
}
