using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Playground.Data;

/// <summary>
/// Settings SQLite keeps per connection, set on every open. WAL itself is kept in the file (set at start-up).
/// synchronous=NORMAL in WAL mode loses nothing when the process dies, only a power cut can take the last commits;
/// snippets, which must be durable before 201, raise it to FULL for their own write.
/// busy_timeout lets a snippet write and the history writer take turns instead of failing with SQLITE_BUSY.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();

    private const string Pragmas = "PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }
}
