namespace Playground.Web.Tests.Infrastructure;

/// <summary>A clock that shows one moment until a test moves it: renders depend on "now", tests must not.</summary>
public sealed class StoppedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
