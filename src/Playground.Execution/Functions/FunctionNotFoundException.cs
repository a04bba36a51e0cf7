namespace Playground.Execution.Functions;

/// <summary>The session has no function of this name, or no version of it that the qualifier names (Lambda's ResourceNotFoundException).</summary>
public sealed class FunctionNotFoundException(string functionName, string? qualifier = null)
    : Exception(qualifier is null ? $"Function not found: {functionName}" : $"Function not found: {functionName}:{qualifier}")
{
    public string FunctionName { get; } = functionName;

    public string? Qualifier { get; } = qualifier;
}
