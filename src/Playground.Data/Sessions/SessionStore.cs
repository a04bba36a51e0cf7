using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Sessions;

/// <summary>Reads the sessions kept in the database (they are written through the history writer).</summary>
public sealed class SessionStore(IDbContextFactory<PlaygroundDbContext> contexts)
{
    /// <summary>Sessions seen at or after <paramref name="since"/>: the ones a restarted server still honours.</summary>
    public async Task<IReadOnlyList<StoredSession>> ActiveSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().Where(s => s.LastSeenAt >= since).ToListAsync(cancellationToken);
    }

    /// <summary>Sessions last seen before <paramref name="cutoff"/>: expired, though maybe not yet forgotten.</summary>
    public async Task<IReadOnlyList<string>> IdleSinceAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Sessions.AsNoTracking().Where(s => s.LastSeenAt < cutoff).Select(s => s.Id).ToListAsync(cancellationToken);
    }
}
