using System.Text.Json;
using Microsoft.Extensions.Options;
using Playground.Data;
using Playground.Data.Functions;
using Playground.Data.History;
using Playground.Data.Invocations;
using Playground.Execution.Functions;
using Playground.Execution.Invocations;
using Playground.Web.Api.Functions;

namespace Playground.Web.History;

/// <summary>
/// Hands every finished invocation (and every deployed version) to the history writer. It runs at the end of each
/// invocation, so it only caps and queues: request, response and log are cut to their configured sizes here, which
/// also keeps what waits in the queue small.
/// </summary>
public sealed class HistoryRecorder(HistoryWriter writer, IOptions<DataOptions> options) : IInvocationRecorder
{
    /// <summary>Of a cut log, this much of its end is kept: END, REPORT and the lines just before them.</summary>
    private const int LogTailBytes = 2048;

    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    public void Record(InvocationRecord record)
    {
        var settings = options.Value;
        if (!settings.KeepHistory)
        {
            return;
        }

        var result = record.Result;
        var request = CappedText.From(record.RequestPayload, settings.MaxRequestBytes);
        var response = CappedText.From(result.Payload, settings.MaxResponseBytes);
        var log = CappedText.KeepingEnd(result.Log, settings.MaxLogBytes, LogTailBytes);
        writer.Add(new StoredInvocation
        {
            RequestId = result.RequestId,
            SessionId = record.SessionId,
            FunctionName = record.FunctionName,
            Version = result.Version,
            ContextId = result.ContextId,
            Cold = result.Cold,
            Status = result.Status.ToString(),
            ErrorType = result.ErrorType,
            StartedAt = result.StartedAt,
            InitDurationMs = result.InitDurationMs,
            DurationMs = result.DurationMs,
            BilledDurationMs = result.BilledDurationMs,
            MemorySizeMb = result.MemorySizeMb,
            MaxMemoryUsedMb = result.MaxMemoryUsedMb,
            Request = request.Text,
            RequestTruncated = request.Truncated,
            Response = response.Text,
            ResponseTruncated = response.Truncated,
            Log = log.Text,
            LogTruncated = log.Truncated || result.LogTruncated,
        });
    }

    /// <summary>Keeps the code and configuration of a deployed version, which the history's rows refer to.</summary>
    public void RecordDeploy(FunctionVersion version, string code)
    {
        if (!options.Value.KeepHistory)
        {
            return;
        }

        writer.Add(new StoredFunction
        {
            SessionId = version.SessionId,
            Name = version.FunctionName,
            Version = version.Number,
            CodeHash = version.Deployment.CodeHash,
            Code = code,
            ConfigurationJson = JsonSerializer.Serialize(FunctionConfigInput.From(version.Configuration), ConfigJson),
            DeployedAt = version.DeployedAt,
        });
    }
}
