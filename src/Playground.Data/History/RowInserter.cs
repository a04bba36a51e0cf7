using System.Data.Common;
using Playground.Data.Events;
using Playground.Data.Invocations;

namespace Playground.Data.History;

/// <summary>
/// Inserts invocations and lifecycle events with two prepared statements reused for a whole batch. The writer adds
/// several rows per invocation; EF Core's change tracking and per-row SQL generation cost more CPU than the inserts
/// themselves, CPU that the execution contexts need on a small machine. The columns are the migration's, and the
/// writer's tests read every field back through EF Core.
/// </summary>
internal sealed class RowInserter : IDisposable
{
    private static readonly string[] InvocationColumns =
    [
        nameof(StoredInvocation.RequestId), nameof(StoredInvocation.SessionId), nameof(StoredInvocation.FunctionName),
        nameof(StoredInvocation.Version), nameof(StoredInvocation.ContextId), nameof(StoredInvocation.Cold),
        nameof(StoredInvocation.Status), nameof(StoredInvocation.ErrorType), nameof(StoredInvocation.StartedAt),
        nameof(StoredInvocation.InitDurationMs), nameof(StoredInvocation.DurationMs), nameof(StoredInvocation.BilledDurationMs),
        nameof(StoredInvocation.MemorySizeMb), nameof(StoredInvocation.MaxMemoryUsedMb), nameof(StoredInvocation.Request),
        nameof(StoredInvocation.RequestTruncated), nameof(StoredInvocation.Response), nameof(StoredInvocation.ResponseTruncated),
        nameof(StoredInvocation.Log), nameof(StoredInvocation.LogTruncated),
    ];

    private static readonly string[] EventColumns =
    [
        nameof(StoredLifecycleEvent.SessionId), nameof(StoredLifecycleEvent.FunctionName), nameof(StoredLifecycleEvent.ContextId),
        nameof(StoredLifecycleEvent.Version), nameof(StoredLifecycleEvent.Type), nameof(StoredLifecycleEvent.At),
        nameof(StoredLifecycleEvent.RequestId), nameof(StoredLifecycleEvent.DurationMs), nameof(StoredLifecycleEvent.FrozenForMs),
        nameof(StoredLifecycleEvent.Reason), nameof(StoredLifecycleEvent.Text), nameof(StoredLifecycleEvent.TmpBytesUsed),
        nameof(StoredLifecycleEvent.TmpBytesQuota), nameof(StoredLifecycleEvent.Cold),
    ];

    private readonly DbCommand invocation;
    private readonly DbCommand lifecycleEvent;

    public RowInserter(DbConnection connection, DbTransaction transaction)
    {
        invocation = Prepare(connection, transaction, "Invocations", InvocationColumns);
        lifecycleEvent = Prepare(connection, transaction, "LifecycleEvents", EventColumns);
    }

    public void Insert(StoredInvocation row)
    {
        Execute(invocation,
            row.RequestId, row.SessionId, row.FunctionName, row.Version, row.ContextId, row.Cold, row.Status, row.ErrorType,
            row.StartedAt.ToUnixTimeMilliseconds(), row.InitDurationMs, row.DurationMs, row.BilledDurationMs, row.MemorySizeMb,
            row.MaxMemoryUsedMb, row.Request, row.RequestTruncated, row.Response, row.ResponseTruncated, row.Log, row.LogTruncated);
    }

    public void Insert(StoredLifecycleEvent row)
    {
        Execute(lifecycleEvent,
            row.SessionId, row.FunctionName, row.ContextId, row.Version, row.Type, row.At.ToUnixTimeMilliseconds(), row.RequestId,
            row.DurationMs, row.FrozenForMs, row.Reason, row.Text, row.TmpBytesUsed, row.TmpBytesQuota, row.Cold);
    }

    public void Dispose()
    {
        invocation.Dispose();
        lifecycleEvent.Dispose();
    }

    private static DbCommand Prepare(DbConnection connection, DbTransaction transaction, string table, string[] columns)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(c => "$" + c))})";
        foreach (var column in columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$" + column;
            command.Parameters.Add(parameter);
        }

        command.Prepare();
        return command;
    }

    private static void Execute(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }

        command.ExecuteNonQuery();
    }
}
