namespace Playground.Execution.Sandbox;

/// <summary>The runtime process went away (exit, crash, kill) or broke the protocol while the host waited for it.</summary>
public sealed class RuntimeLostException(string message) : Exception(message);
