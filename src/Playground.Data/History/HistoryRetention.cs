using Microsoft.EntityFrameworkCore;

namespace Playground.Data.History;

/// <summary>Deletes the oldest invocations and events past the limits, per session and overall.</summary>
internal static class HistoryRetention
{
    /// <param name="sessions">The sessions that gained rows since the last run: only they can be over their limit.</param>
    public static async Task<int> EnforceAsync(
        PlaygroundDbContext db, IReadOnlyCollection<string> sessions, RetentionOptions limits, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var session in sessions)
        {
            deleted += await db.Invocations
                .Where(i => i.SessionId == session)
                .OrderByDescending(i => i.Id)
                .Skip(limits.InvocationsPerSession)
                .ExecuteDeleteAsync(cancellationToken);
            deleted += await db.LifecycleEvents
                .Where(e => e.SessionId == session)
                .OrderByDescending(e => e.Id)
                .Skip(limits.EventsPerSession)
                .ExecuteDeleteAsync(cancellationToken);
        }

        // Ids grow with time, so "the oldest" is everything at or below the first id past the limit.
        var invocationCutoff = await db.Invocations.OrderByDescending(i => i.Id).Skip(limits.Invocations).Select(i => (long?)i.Id).FirstOrDefaultAsync(cancellationToken);
        if (invocationCutoff is { } lastInvocation)
        {
            deleted += await db.Invocations.Where(i => i.Id <= lastInvocation).ExecuteDeleteAsync(cancellationToken);
        }

        var eventCutoff = await db.LifecycleEvents.OrderByDescending(e => e.Id).Skip(limits.Events).Select(e => (long?)e.Id).FirstOrDefaultAsync(cancellationToken);
        if (eventCutoff is { } lastEvent)
        {
            deleted += await db.LifecycleEvents.Where(e => e.Id <= lastEvent).ExecuteDeleteAsync(cancellationToken);
        }

        return deleted;
    }
}
