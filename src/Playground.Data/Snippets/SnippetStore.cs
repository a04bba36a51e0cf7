using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Snippets;

/// <summary>Stores snippets (immutable, keyed by their content) and finds them by id.</summary>
public sealed class SnippetStore(IDbContextFactory<PlaygroundDbContext> contexts, TimeProvider time)
{
    /// <summary>
    /// Stores the content under its id and returns it, or returns the snippet that already holds the same content
    /// (with its own parent: a snippet never changes). Committed with synchronous=FULL before it returns: the id is
    /// handed out as a link, so it must survive even a power cut.
    /// </summary>
    public async Task<(Snippet Snippet, bool Created)> SaveAsync(SnippetContent content, string? parentId, CancellationToken cancellationToken)
    {
        var hash = content.Hash();
        var contentHash = Convert.ToHexStringLower(hash);
        var full = SnippetId.Full(hash);
        var length = SnippetId.ShortLength;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        while (length <= full.Length)
        {
            var id = full[..length];
            var existing = await db.Snippets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (existing is not null)
            {
                if (existing.ContentHash == contentHash)
                {
                    return (existing, false);
                }

                length++;
                continue;
            }

            var snippet = new Snippet
            {
                Id = id,
                ContentHash = contentHash,
                Code = content.Code,
                EventJson = content.EventJson,
                ConfigJson = content.ConfigJson,
                ScenarioJson = content.ScenarioJson,
                ParentId = parentId,
                CreatedAt = time.GetUtcNow(),
            };
            try
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = FULL", cancellationToken);
                db.Snippets.Add(snippet);
                await db.SaveChangesAsync(cancellationToken);
                return (snippet, true);
            }
            catch (DbUpdateException)
            {
                // Someone stored this id at the same moment: look again at what it holds now.
                db.ChangeTracker.Clear();
                if (!await db.Snippets.AnyAsync(s => s.Id == id, cancellationToken))
                {
                    throw;
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }

        throw new InvalidOperationException($"every id of content {contentHash} is taken by other content");
    }

    public async Task<Snippet?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!SnippetId.IsWellFormed(id))
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Snippets.AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
    }
}
