namespace Playground.Execution.Invocations;

/// <summary>One finished invocation with what it was asked: what the history keeps.</summary>
public sealed record InvocationRecord(string SessionId, string FunctionName, byte[] RequestPayload, InvocationResult Result);
