using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>The runtime's end of the Unix socket to the host. Writes come from many threads (handler output), so they are serialized.</summary>
internal sealed class RuntimeChannel : IAsyncDisposable
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

    public static async Task<RuntimeChannel> ConnectAsync(string path, CancellationToken cancellationToken)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        return new RuntimeChannel(socket);
    }

    public ValueTask<Frame?> ReadAsync(CancellationToken cancellationToken) =>
        FrameCodec.ReadAsync(stream, MaxIncomingFrameBytes, cancellationToken);

    public void Send<T>(FrameType type, T header, JsonTypeInfo<T> typeInfo, ReadOnlySpan<byte> body = default)
    {
        var frame = FrameCodec.Encode(type, JsonSerializer.SerializeToUtf8Bytes(header, typeInfo), body);
        lock (writeLock)
        {
            stream.Write(frame);
        }
    }

    public ValueTask DisposeAsync()
    {
        stream.Dispose();
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
