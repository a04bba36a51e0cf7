namespace Playground.Execution.Contexts;

/// <summary>
/// The live execution contexts and the /tmp they hold, per session and for the whole server, against their quotas.
/// A new context is admitted only when it fits all four; contexts already alive are never taken back for another
/// session's sake, so one session can cost another neither its contexts nor their /tmp.
/// </summary>
internal sealed class ContextBudget(QuotaOptions quotas)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, Usage> sessions = new(StringComparer.Ordinal);
    private Usage total;

    public int Used
    {
        get
        {
            lock (gate)
            {
                return total.Contexts;
            }
        }
    }

    public long EphemeralStorageMbUsed
    {
        get
        {
            lock (gate)
            {
                return total.StorageMb;
            }
        }
    }

    /// <summary>Reserves room for a context; returns null when admitted, else the quota that refused it.</summary>
    public Throttle? TryReserve(string sessionId, int ephemeralStorageMb)
    {
        lock (gate)
        {
            var session = sessions.GetValueOrDefault(sessionId);
            if (session.Contexts >= quotas.Session.MaxContexts)
            {
                return Throttle.SessionContexts(quotas.Session.MaxContexts);
            }

            if (session.StorageMb + ephemeralStorageMb > quotas.Session.MaxEphemeralStorageMb)
            {
                return Throttle.SessionStorage(session.StorageMb, ephemeralStorageMb, quotas.Session.MaxEphemeralStorageMb);
            }

            if (total.Contexts >= quotas.Server.MaxContexts)
            {
                return Throttle.ServerContexts(quotas.Server.MaxContexts);
            }

            if (total.StorageMb + ephemeralStorageMb > quotas.Server.MaxEphemeralStorageMb)
            {
                return Throttle.ServerStorage(total.StorageMb, ephemeralStorageMb, quotas.Server.MaxEphemeralStorageMb);
            }

            sessions[sessionId] = session.Add(1, ephemeralStorageMb);
            total = total.Add(1, ephemeralStorageMb);
            return null;
        }
    }

    public void Release(string sessionId, int ephemeralStorageMb)
    {
        lock (gate)
        {
            total = total.Add(-1, -ephemeralStorageMb);
            var session = sessions.GetValueOrDefault(sessionId).Add(-1, -ephemeralStorageMb);
            if (session.Contexts <= 0)
            {
                sessions.Remove(sessionId);
            }
            else
            {
                sessions[sessionId] = session;
            }
        }
    }

    private readonly record struct Usage(int Contexts, long StorageMb)
    {
        public Usage Add(int contexts, long storageMb) => new(Contexts + contexts, StorageMb + storageMb);
    }
}
