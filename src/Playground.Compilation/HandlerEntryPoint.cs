namespace Playground.Compilation;

/// <summary>
/// Where the runtime finds the handler in the emitted assembly.
/// </summary>
/// <param name="Kind">Script: construct through <c>Submission#0.&lt;Factory&gt;</c>; Class: through the parameterless constructor.</param>
/// <param name="TypeName">Metadata full name for <see cref="System.Reflection.Assembly.GetType(string)"/> (nested types joined with '+').</param>
/// <param name="MethodName"><c>Handler</c> or <c>FunctionHandler</c>; it may be static or instance, public or not.</param>
public sealed record HandlerEntryPoint(HandlerKind Kind, string TypeName, string MethodName);
