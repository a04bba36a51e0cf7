namespace Playground.Execution.Invocations;

public enum InvocationStatus
{
    Success,
    FunctionError,
    Timeout,
    Crash,
    Throttled,
}
