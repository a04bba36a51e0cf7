using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Playground.Data;
using Playground.Data.History;

namespace Playground.Data.Tests;

/// <summary>A real SQLite file of the test's own, migrated, deleted (with its WAL) afterwards.</summary>
public sealed class DatabaseFile : IDbContextFactory<PlaygroundDbContext>, IAsyncDisposable
{
    private DatabaseFile(string path) => Path = path;

    public string Path { get; }

    public static async Task<DatabaseFile> CreateAsync()
    {
        var file = new DatabaseFile(System.IO.Path.Join(System.IO.Path.GetTempPath(), $"playground-data-test-{Guid.NewGuid():N}.db"));
        await using var db = file.CreateDbContext();
        await DatabaseInitializer.MigrateAsync(db, CancellationToken.None);
        return file;
    }

    public PlaygroundDbContext CreateDbContext() => new(SqliteDatabase.Options(Path));

    public HistoryWriter Writer(Action<DataOptions>? configure = null)
    {
        var options = new DataOptions();
        configure?.Invoke(options);
        return new HistoryWriter(this, Options.Create(options), TimeProvider.System, NullLogger<HistoryWriter>.Instance);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
