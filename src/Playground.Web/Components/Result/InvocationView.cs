using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Playground.Execution.Invocations;

namespace Playground.Web.Components.Result;

/// <summary>One invocation as the result panel shows it: response, log, timings, and where in the code it failed.</summary>
public sealed partial record InvocationView
{
    public required string RequestId { get; init; }

    public required InvocationStatus Status { get; init; }

    public bool Cold { get; init; }

    public double? InitDurationMs { get; init; }

    public double DurationMs { get; init; }

    public long BilledDurationMs { get; init; }

    public int MemorySizeMb { get; init; }

    public int MaxMemoryUsedMb { get; init; }

    public string? ContextId { get; init; }

    public int Version { get; init; }

    public required string Response { get; init; }

    public required string Log { get; init; }

    public string? ErrorType { get; init; }

    public string? ErrorMessage { get; init; }

    /// <summary>The line of the handler's code the error was thrown at (from the stack trace), if it is in the code.</summary>
    public int? ErrorLine { get; init; }

    public string? ThrottleReason { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    public bool Succeeded => Status == InvocationStatus.Success;

    public string StatusText => Status switch
    {
        InvocationStatus.Success => "Succeeded",
        InvocationStatus.FunctionError => "Function error",
        InvocationStatus.Timeout => "Timed out",
        InvocationStatus.Crash => "Runtime crashed",
        InvocationStatus.Throttled => "Throttled (429)",
        _ => Status.ToString(),
    };

    public static InvocationView From(InvocationResult result)
    {
        string? errorMessage = null;
        int? errorLine = null;
        if (result.Status is not InvocationStatus.Success and not InvocationStatus.Throttled)
        {
            (errorMessage, errorLine) = ReadError(result.Payload);
        }

        return new InvocationView
        {
            RequestId = result.RequestId,
            Status = result.Status,
            Cold = result.Cold,
            InitDurationMs = result.InitDurationMs,
            DurationMs = result.DurationMs,
            BilledDurationMs = result.BilledDurationMs,
            MemorySizeMb = result.MemorySizeMb,
            MaxMemoryUsedMb = result.MaxMemoryUsedMb,
            ContextId = result.ContextId,
            Version = result.Version,
            Response = Pretty(result.Payload),
            Log = result.Log,
            ErrorType = result.ErrorType,
            ErrorMessage = result.Status == InvocationStatus.Throttled ? "Rate Exceeded." : errorMessage,
            ErrorLine = errorLine,
            ThrottleReason = result.ThrottleReason,
            StartedAt = result.StartedAt,
        };
    }

    /// <summary>Indented JSON when the payload is JSON; as it is otherwise.</summary>
    public static string Pretty(byte[] payload)
    {
        if (payload.Length == 0)
        {
            return string.Empty;
        }

        try
        {
            return JsonNode.Parse(payload)?.ToJsonString(Indented) ?? "null";
        }
        catch (JsonException)
        {
            return Encoding.UTF8.GetString(payload);
        }
    }

    /// <summary>The first frame of the user's code (handler.cs) in Lambda's error body.</summary>
    public static (string? Message, int? Line) ReadError(byte[] payload)
    {
        try
        {
            var error = JsonNode.Parse(payload);
            var message = error?["errorMessage"]?.GetValue<string>();
            int? line = null;
            if (error?["stackTrace"] is JsonArray frames)
            {
                foreach (var frame in frames)
                {
                    if (frame?.GetValue<string>() is { } text && HandlerLine().Match(text) is { Success: true } match)
                    {
                        line = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    }
                }
            }

            return (message, line);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return (null, null);
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [GeneratedRegex(@"handler\.cs:line (\d+)")]
    private static partial Regex HandlerLine();
}
