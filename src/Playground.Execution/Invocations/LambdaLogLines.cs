using System.Globalization;
using System.Text;

namespace Playground.Execution.Invocations;

/// <summary>The platform lines Lambda writes around each invocation, in its exact format.</summary>
internal static class LambdaLogLines
{
    public static string Start(string requestId, int version) =>
        $"START RequestId: {requestId} Version: {version}";

    public static string End(string requestId) => $"END RequestId: {requestId}";

    public static string TimedOut(DateTimeOffset at, string requestId, int timeoutSeconds) =>
        string.Create(CultureInfo.InvariantCulture, $"{at:yyyy-MM-ddTHH:mm:ss.fffZ} {requestId} Task timed out after {timeoutSeconds:0.00} seconds");

    public static string Report(
        string requestId, double durationMs, long billedMs, int memorySizeMb, int maxMemoryUsedMb, double? initDurationMs,
        InvocationStatus status, string? errorType)
    {
        var line = new StringBuilder();
        line.Append(CultureInfo.InvariantCulture, $"REPORT RequestId: {requestId}\tDuration: {durationMs:0.00} ms\tBilled Duration: {billedMs} ms\t");
        line.Append(CultureInfo.InvariantCulture, $"Memory Size: {memorySizeMb} MB\tMax Memory Used: {maxMemoryUsedMb} MB\t");
        if (initDurationMs is { } init)
        {
            line.Append(CultureInfo.InvariantCulture, $"Init Duration: {init:0.00} ms\t");
        }

        // Lambda adds a status to the REPORT of an invocation that ended the runtime.
        if (status is InvocationStatus.Timeout)
        {
            line.Append("Status: timeout");
        }
        else if (status is InvocationStatus.Crash)
        {
            line.Append(CultureInfo.InvariantCulture, $"Status: error\tError Type: {errorType}");
        }

        return line.ToString();
    }

    /// <summary>Lambda bills whole milliseconds, rounding up.</summary>
    public static long Billed(double durationMs) => Math.Max(1, (long)Math.Ceiling(durationMs));
}
