namespace Playground.Runtime.Protocol;

/// <summary>The other end sent something that is not a well-formed frame.</summary>
public sealed class ProtocolViolationException(string message) : Exception(message);
