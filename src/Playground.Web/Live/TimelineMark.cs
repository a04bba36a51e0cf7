namespace Playground.Web.Live;

/// <summary>A moment on a context's lane: a background log line, a reset, a crash, the reclaim.</summary>
public sealed record TimelineMark(MarkKind Kind, DateTimeOffset At, string Text);
