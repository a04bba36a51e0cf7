using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Functions;

/// <summary>Reads the deployed versions kept in the database (they are written through the history writer).</summary>
public sealed class FunctionStore(IDbContextFactory<PlaygroundDbContext> contexts)
{
    public async Task<StoredFunction?> LatestAsync(string sessionId, string name, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Functions.AsNoTracking()
            .Where(f => f.SessionId == sessionId && f.Name == name)
            .OrderByDescending(f => f.Version)
            .FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> NamesAsync(string sessionId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Functions.AsNoTracking().Where(f => f.SessionId == sessionId).Select(f => f.Name).Distinct().ToListAsync(cancellationToken);
    }
}
