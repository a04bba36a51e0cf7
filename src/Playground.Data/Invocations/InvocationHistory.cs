using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Invocations;

/// <summary>Reads a session's invocation history. Every query names the session: no row of another is ever read.</summary>
public sealed class InvocationHistory(IDbContextFactory<PlaygroundDbContext> contexts)
{
    /// <summary>A page, newest first, and whether older invocations are left.</summary>
    public async Task<(IReadOnlyList<InvocationSummary> Page, bool More)> ListAsync(InvocationQuery query, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = db.Invocations.AsNoTracking().Where(i => i.SessionId == query.SessionId);
        if (query.FunctionName is { } function)
        {
            rows = rows.Where(i => i.FunctionName == function);
        }

        if (query.Status is { } status)
        {
            rows = rows.Where(i => i.Status == status);
        }

        if (query.Cold is { } cold)
        {
            rows = rows.Where(i => i.Cold == cold);
        }

        if (query.Before is { } before)
        {
            rows = rows.Where(i => i.Id < before);
        }

        var page = await rows
            .OrderByDescending(i => i.Id)
            .Take(query.Limit + 1)
            .Select(i => new InvocationSummary(
                i.Id, i.RequestId, i.FunctionName, i.Version, i.ContextId, i.Cold, i.Status, i.ErrorType, i.StartedAt,
                i.InitDurationMs, i.DurationMs, i.BilledDurationMs, i.MemorySizeMb, i.MaxMemoryUsedMb))
            .ToListAsync(cancellationToken);
        var more = page.Count > query.Limit;
        return (more ? page[..query.Limit] : page, more);
    }

    /// <summary>One invocation with its request, response and log, if it is this session's.</summary>
    public async Task<StoredInvocation?> FindAsync(string sessionId, string requestId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Invocations.AsNoTracking()
            .SingleOrDefaultAsync(i => i.RequestId == requestId && i.SessionId == sessionId, cancellationToken);
    }
}
