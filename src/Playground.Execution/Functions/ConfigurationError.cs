namespace Playground.Execution.Functions;

/// <summary>One setting out of range: the field (Lambda's name) and a message that gives the allowed range.</summary>
public sealed record ConfigurationError(string Field, string Message);
