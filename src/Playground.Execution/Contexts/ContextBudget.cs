namespace Playground.Execution.Contexts;

/// <summary>The server-wide count of live execution contexts, against its limit.</summary>
internal sealed class ContextBudget(int limit)
{
    private int used;

    public int Used => Volatile.Read(ref used);

    public bool TryReserve()
    {
        while (true)
        {
            var now = Volatile.Read(ref used);
            if (now >= limit)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref used, now + 1, now) == now)
            {
                return true;
            }
        }
    }

    public void Release() => Interlocked.Decrement(ref used);
}
