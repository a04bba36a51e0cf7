using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Playground.Data;

/// <summary>
/// Creates the database file on first run and applies the checked-in migrations, before anything else starts
/// (hosted services start in order, and this one is registered first).
/// </summary>
internal sealed class DatabaseInitializer(IDbContextFactory<PlaygroundDbContext> contexts, DatabaseLocation location, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(location.Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await MigrateAsync(db, cancellationToken);
        logger.LogInformation("Database {Path} is ready", location.Path);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>WAL first: readers (the history API) then never wait for the writer, nor the writer for them.</summary>
    public static async Task MigrateAsync(PlaygroundDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL", cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
