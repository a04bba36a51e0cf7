namespace Playground.Runtime;

/// <summary>The event could not become the handler's input, or its result could not become JSON.</summary>
internal sealed class LambdaSerializationException(string message, Exception inner) : Exception(message, inner);
