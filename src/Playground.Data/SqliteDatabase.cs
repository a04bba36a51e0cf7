using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Playground.Data;

/// <summary>How every part of the playground (and the tests) connects to the SQLite file.</summary>
public static class SqliteDatabase
{
    public static string ConnectionString(string path) => new SqliteConnectionStringBuilder
    {
        DataSource = path,
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
    }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, string path) =>
        builder.UseSqlite(ConnectionString(path)).AddInterceptors(SqlitePragmas.Instance);

    public static DbContextOptions<PlaygroundDbContext> Options(string path) =>
        ((DbContextOptionsBuilder<PlaygroundDbContext>)Configure(new DbContextOptionsBuilder<PlaygroundDbContext>(), path)).Options;
}
