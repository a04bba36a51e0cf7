namespace Playground.Execution.Functions;

/// <summary>Where the handler is in the compiled assembly: a script's <c>Submission#0.Handler</c> or a class's <c>FunctionHandler</c>.</summary>
public sealed record HandlerEntry(bool IsScript, string TypeName, string MethodName);
