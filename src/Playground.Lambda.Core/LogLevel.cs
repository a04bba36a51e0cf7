namespace Amazon.Lambda.Core;

/// <summary>Log levels of the Lambda logger, in Amazon.Lambda.Core's order.</summary>
public enum LogLevel
{
    Trace = 0,
    Debug = 1,
    Information = 2,
    Warning = 3,
    Error = 4,
    Critical = 5,
}
