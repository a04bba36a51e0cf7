using Amazon.Lambda.Core;

namespace Playground.Runtime;

/// <summary>
/// <see cref="ILambdaLogger"/> of one invocation. Leveled lines take the text format of Lambda's .NET runtime:
/// timestamp, request id, level, message, separated by tabs.
/// </summary>
internal sealed class InvocationLogger(FunctionOutput output, string requestId) : ILambdaLogger
{
    public void Log(string message) => output.Write(message);

    public void LogLine(string message) => output.Write(message + "\n");

    public void Log(string level, string message) =>
        output.Write($"{TimeProvider.System.GetUtcNow():yyyy-MM-ddTHH:mm:ss.fffZ}\t{requestId}\t{ShortName(level)}\t{message}\n");

    private static string ShortName(string level) => level switch
    {
        nameof(LogLevel.Information) => "info",
        nameof(LogLevel.Warning) => "warn",
        nameof(LogLevel.Error) => "fail",
        nameof(LogLevel.Critical) => "crit",
        nameof(LogLevel.Debug) => "dbug",
        nameof(LogLevel.Trace) => "trce",
        _ => level,
    };
}
