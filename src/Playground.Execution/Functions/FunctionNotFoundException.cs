namespace Playground.Execution.Functions;

/// <summary>The session has no function of this name (Lambda's ResourceNotFoundException).</summary>
public sealed class FunctionNotFoundException(string functionName) : Exception($"Function not found: {functionName}")
{
    public string FunctionName { get; } = functionName;
}
