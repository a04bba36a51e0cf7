namespace Playground.Execution.Contexts;

/// <summary>
/// Caps Log events of one context at a fixed number per second: a handler that floods its output between
/// invocations must not flood every page watching the session.
/// </summary>
internal sealed class LogEventLimiter(TimeProvider time, int perSecond = 100)
{
    private readonly Lock gate = new();
    private long windowStart = time.GetTimestamp();
    private int taken;

    public bool TryTake()
    {
        lock (gate)
        {
            if (time.GetElapsedTime(windowStart) >= TimeSpan.FromSeconds(1))
            {
                windowStart = time.GetTimestamp();
                taken = 0;
            }

            return ++taken <= perSecond;
        }
    }
}
