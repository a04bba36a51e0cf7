using Microsoft.Data.Sqlite;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>Database files of the tests' own, opened straight with SQLite to see what a server wrote.</summary>
public static class TestDatabase
{
    public static string NewPath() => Path.Join(Path.GetTempPath(), $"playground-test-{Guid.NewGuid():N}.db");

    public static SqliteConnection Open(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public static async Task<T> ScalarAsync<T>(string path, string sql)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static async Task<HashSet<string>> RequestIdsAsync(string path)
    {
        using var connection = Open(path);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT RequestId FROM Invocations";
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
        {
            File.Delete(path + suffix);
        }
    }
}
