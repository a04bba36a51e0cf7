using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>The runtime's end of the Unix socket to the host. Writes come from many threads (handler output), so they are serialized.</summary>
internal sealed class RuntimeChannel : IDisposable
{
    // A Load frame carries the handler's assembly; nothing the host sends is larger than the event limit plus headers.
    private const int MaxIncomingFrameBytes = 64 * 1024 * 1024;

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly Lock writeLock = new();

    private RuntimeChannel(Socket socket)
    {
        this.socket = socket;
        stream = new NetworkStream(socket, ownsSocket: false);
    }

    public static RuntimeChannel Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        return new RuntimeChannel(socket);
    }

    /// <summary>True when the host has sent something within <paramref name="wait"/>.</summary>
    public bool WaitForFrame(TimeSpan wait) => socket.Poll(wait, SelectMode.SelectRead);

    /// <summary>Blocks until the host sends the next frame: the runtime has nothing else to do meanwhile.</summary>
    public Frame? Read() => FrameCodec.Read(stream, MaxIncomingFrameBytes);

    public void Send<T>(FrameType type, T header, JsonTypeInfo<T> typeInfo, ReadOnlySpan<byte> body = default)
    {
        var frame = FrameCodec.Encode(type, JsonSerializer.SerializeToUtf8Bytes(header, typeInfo), body);
        lock (writeLock)
        {
            stream.Write(frame);
        }
    }

    public void Dispose()
    {
        stream.Dispose();
        socket.Dispose();
    }
}
