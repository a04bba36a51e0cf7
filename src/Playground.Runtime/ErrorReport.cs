using System.Reflection;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>An exception in Lambda's error shape: errorType, errorMessage and the stack trace lines.</summary>
internal static class ErrorReport
{
    public static ErrorMessage From(string? requestId, Exception exception)
    {
        while (exception is TargetInvocationException { InnerException: { } inner })
        {
            exception = inner;
        }

        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            exception = aggregate.InnerExceptions[0];
        }

        var errorType = exception switch
        {
            LambdaSerializationException => "JsonSerializerException",
            ResponseSizeTooLargeException => "Function.ResponseSizeTooLarge",
            _ => exception.GetType().Name,
        };
        return new ErrorMessage(requestId, errorType, exception.Message, UserFrames(exception.StackTrace));
    }

    /// <summary>
    /// The stack trace without the runtime's own frames (reflection, this runtime's loop): what is left is the
    /// function's code, with its file and line numbers.
    /// </summary>
    private static List<string> UserFrames(string? stackTrace)
    {
        var frames = new List<string>();
        foreach (var line in (stackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith("at Playground.Runtime.", StringComparison.Ordinal)
                || line.StartsWith("at System.Reflection.", StringComparison.Ordinal)
                || line.StartsWith("at System.RuntimeMethodHandle.", StringComparison.Ordinal)
                || line.StartsWith("at DynamicClass.InvokeStub_", StringComparison.Ordinal))
            {
                continue;
            }

            if (line.StartsWith("---", StringComparison.Ordinal) && (frames.Count == 0 || frames[^1].StartsWith("---", StringComparison.Ordinal)))
            {
                continue;
            }

            frames.Add(line);
        }

        while (frames.Count > 0 && frames[^1].StartsWith("---", StringComparison.Ordinal))
        {
            frames.RemoveAt(frames.Count - 1);
        }

        return frames;
    }
}
