namespace Playground.Runtime.Protocol;

/// <summary>Variables the host sets for the runtime process.</summary>
public static class RuntimeEnvironment
{
    /// <summary>Path of the Unix socket the runtime connects to.</summary>
    public const string SocketVariable = "PLAYGROUND_RUNTIME_SOCKET";
}
