using Microsoft.EntityFrameworkCore;

namespace Playground.Data.Tests;

public sealed class MigrationTests
{
    [Fact]
    public async Task The_checked_in_migrations_match_the_model()
    {
        await using var database = await DatabaseFile.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.False(db.Database.HasPendingModelChanges());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_new_database_is_created_in_WAL_mode()
    {
        await using var database = await DatabaseFile.CreateAsync();
        await using var db = database.CreateDbContext();

        var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal(["wal"], mode);
    }
}
