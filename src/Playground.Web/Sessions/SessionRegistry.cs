using System.Collections.Concurrent;
using System.Security.Cryptography;
using Playground.Data.History;
using Playground.Data.Sessions;

namespace Playground.Web.Sessions;

/// <summary>
/// The sessions this server knows. A session id the server issued is 128 random bits; a session named by an AWS
/// access key id is created under that name at its first request, so an unmodified SDK keeps one session.
/// Sessions are kept in the database (through the history writer, never waiting for it): a new one at once, the
/// last-seen times of active ones at each sweep, so that ids stay valid across a restart.
/// </summary>
public sealed class SessionRegistry(TimeProvider time, HistoryWriter writer)
{
    private readonly ConcurrentDictionary<string, Activity> sessions = new(StringComparer.Ordinal);

    public bool IsKnown(string id) => sessions.ContainsKey(id);

    /// <summary>Issues a new, unguessable session id.</summary>
    public string Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        Touch(id);
        return id;
    }

    /// <summary>Marks the session as active (creating it under that name when it is new).</summary>
    public void Touch(string id)
    {
        var now = time.GetUtcNow();
        var activity = sessions.GetOrAdd(id, static (_, now) => new Activity(now), now);
        if (activity.Seen(now))
        {
            writer.SessionSeen(id, activity.CreatedAt, now);
        }
    }

    /// <summary>Takes back the sessions a previous run of the server kept.</summary>
    public void Restore(IEnumerable<StoredSession> stored)
    {
        foreach (var session in stored)
        {
            sessions.TryAdd(session.Id, new Activity(session.CreatedAt, session.LastSeenAt));
        }
    }

    /// <summary>Queues the last-seen time of every session seen since it was last written.</summary>
    public void PersistActivity()
    {
        foreach (var (id, activity) in sessions)
        {
            if (activity.TakeUnwritten() is { } lastSeen)
            {
                writer.SessionSeen(id, activity.CreatedAt, lastSeen);
            }
        }
    }

    /// <summary>Removes the sessions not seen since <paramref name="cutoff"/>; a request naming one afterwards gets a new session.</summary>
    public IReadOnlyList<string> RemoveIdle(DateTimeOffset cutoff)
    {
        var removed = new List<string>();
        foreach (var (id, activity) in sessions)
        {
            if (activity.LastSeenAt < cutoff && sessions.TryRemove(new KeyValuePair<string, Activity>(id, activity)))
            {
                removed.Add(id);
            }
        }

        return removed;
    }

    /// <summary>When a session was created and last seen, and whether the database has its last-seen time.</summary>
    private sealed class Activity
    {
        private long lastSeen;
        private long written;
        private int isNew;

        public Activity(DateTimeOffset createdAt)
        {
            CreatedAt = createdAt;
            isNew = 1;
        }

        public Activity(DateTimeOffset createdAt, DateTimeOffset lastSeenAt)
        {
            CreatedAt = createdAt;
            lastSeen = written = lastSeenAt.UtcTicks;
        }

        public DateTimeOffset CreatedAt { get; }

        public DateTimeOffset LastSeenAt => new(Interlocked.Read(ref lastSeen), TimeSpan.Zero);

        /// <summary>Records a request; true the first time, when the session must be written at once.</summary>
        public bool Seen(DateTimeOffset now)
        {
            Interlocked.Exchange(ref lastSeen, now.UtcTicks);
            if (Interlocked.Exchange(ref isNew, 0) == 1)
            {
                Interlocked.Exchange(ref written, now.UtcTicks);
                return true;
            }

            return false;
        }

        public DateTimeOffset? TakeUnwritten()
        {
            var seen = Interlocked.Read(ref lastSeen);
            return Interlocked.Exchange(ref written, seen) == seen ? null : new DateTimeOffset(seen, TimeSpan.Zero);
        }
    }
}
