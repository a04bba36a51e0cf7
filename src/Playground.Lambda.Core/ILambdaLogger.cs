namespace Amazon.Lambda.Core;

/// <summary>The Lambda logger: lines go to the invocation's log, as they go to CloudWatch Logs in Lambda.</summary>
public interface ILambdaLogger
{
    void Log(string message);

    void LogLine(string message);

    string CurrentConfiguredLogLevel => nameof(LogLevel.Information);

    void Log(string level, string message) => LogLine(message);

    void Log(LogLevel level, string message) => Log(level.ToString(), message);

    void LogTrace(string message) => Log(LogLevel.Trace, message);

    void LogDebug(string message) => Log(LogLevel.Debug, message);

    void LogInformation(string message) => Log(LogLevel.Information, message);

    void LogWarning(string message) => Log(LogLevel.Warning, message);

    void LogError(string message) => Log(LogLevel.Error, message);

    void LogCritical(string message) => Log(LogLevel.Critical, message);

    void Log(string level, string message, params object[] args) => Log(level, MessageTemplate.Format(message, args));

    void Log(LogLevel level, string message, params object[] args) => Log(level.ToString(), message, args);

    void Log(LogLevel level, Exception exception, string message, params object[] args) =>
        Log(level.ToString(), MessageTemplate.Format(message, args) + Environment.NewLine + exception);

    void LogTrace(string message, params object[] args) => Log(LogLevel.Trace, message, args);

    void LogDebug(string message, params object[] args) => Log(LogLevel.Debug, message, args);

    void LogInformation(string message, params object[] args) => Log(LogLevel.Information, message, args);

    void LogWarning(string message, params object[] args) => Log(LogLevel.Warning, message, args);

    void LogError(string message, params object[] args) => Log(LogLevel.Error, message, args);

    void LogCritical(string message, params object[] args) => Log(LogLevel.Critical, message, args);

    void LogTrace(Exception exception, string message, params object[] args) => Log(LogLevel.Trace, exception, message, args);

    void LogDebug(Exception exception, string message, params object[] args) => Log(LogLevel.Debug, exception, message, args);

    void LogInformation(Exception exception, string message, params object[] args) => Log(LogLevel.Information, exception, message, args);

    void LogWarning(Exception exception, string message, params object[] args) => Log(LogLevel.Warning, exception, message, args);

    void LogError(Exception exception, string message, params object[] args) => Log(LogLevel.Error, exception, message, args);

    void LogCritical(Exception exception, string message, params object[] args) => Log(LogLevel.Critical, exception, message, args);
}
