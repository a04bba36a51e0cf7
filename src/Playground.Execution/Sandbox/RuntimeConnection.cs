using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using Playground.Runtime.Protocol;

namespace Playground.Execution.Sandbox;

/// <summary>
/// The host's end of one runtime process's socket. One request is outstanding at a time (Load, then Invoke after
/// Invoke); Log frames may arrive at any time and go to <c>onLog</c>.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class RuntimeConnection : IAsyncDisposable
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    private readonly Socket socket;
    private readonly NetworkStream stream;
    private readonly int maxFrameBytes;
    private readonly Action<string?, string> onLog;
    private readonly TaskCompletionSource<string> closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskCompletionSource<Frame>? pending;
    private Action? beforeReply;

    private RuntimeConnection(Socket socket, int processId, int maxFrameBytes, Action<string?, string> onLog)
    {
        this.socket = socket;
        this.maxFrameBytes = maxFrameBytes;
        this.onLog = onLog;
        stream = new NetworkStream(socket, ownsSocket: false);
        ProcessId = processId;
    }

    /// <summary>The runtime's pid as the host sees it (from SO_PEERCRED, translated out of the sandbox's pid namespace).</summary>
    public int ProcessId { get; }

    /// <summary>Completes with the reason when the runtime's end closes or breaks the protocol.</summary>
    public Task<string> Closed => closed.Task;

    /// <summary>Accepts the next runtime process and waits for its Hello.</summary>
    public static async Task<RuntimeConnection> AcceptAsync(
        Socket listener, int maxFrameBytes, Action<string?, string> onLog, CancellationToken cancellationToken)
    {
        var socket = await listener.AcceptAsync(cancellationToken);
        try
        {
            using var hello = new NetworkStream(socket, ownsSocket: false);
            var frame = await FrameCodec.ReadAsync(hello, 4096, cancellationToken)
                ?? throw new RuntimeLostException("the runtime closed its socket before saying hello");
            if (frame.Type != FrameType.Hello
                || JsonSerializer.Deserialize(frame.Header.Span, ProtocolJson.Default.HelloMessage) is not { ProtocolVersion: ProtocolJson.Version })
            {
                throw new RuntimeLostException($"the runtime opened with {frame.Type} instead of a Hello of protocol {ProtocolJson.Version}");
            }

            var credentials = new byte[12];
            socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials);
            var connection = new RuntimeConnection(socket, BitConverter.ToInt32(credentials, 0), maxFrameBytes, onLog);
            _ = connection.ReadLoopAsync();
            return connection;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Sends a request and waits for its reply frame. <paramref name="onReply"/> runs on the reading thread the moment
    /// the reply arrives, before anyone awaiting it resumes: that is where the host freezes the context.
    /// </summary>
    public async Task<Frame> RequestAsync(byte[] frame, Action? onReply, CancellationToken cancellationToken)
    {
        // The invocation goes on inline on the reading thread when its reply arrives: one thread-pool hop less on
        // every invoke. The reading loop continues once the invocation next awaits (it never blocks on this loop).
        var reply = new TaskCompletionSource<Frame>();
        beforeReply = onReply;
        Volatile.Write(ref pending, reply);
        if (closed.Task.IsCompleted)
        {
            throw new RuntimeLostException(closed.Task.Result);
        }

        try
        {
            await stream.WriteAsync(frame, cancellationToken);
        }
        catch (IOException exception)
        {
            throw new RuntimeLostException($"the runtime's socket broke: {exception.Message}");
        }

        return await reply.Task.WaitAsync(cancellationToken);
    }

    public void Kill() => LinuxProcesses.Signal(ProcessId, LinuxProcesses.SigKill);

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        stream.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ReadLoopAsync()
    {
        var reason = "the runtime closed its socket";
        try
        {
            while (await FrameCodec.ReadAsync(stream, maxFrameBytes, CancellationToken.None) is { } frame)
            {
                if (frame.Type == FrameType.Log)
                {
                    var header = JsonSerializer.Deserialize(frame.Header.Span, ProtocolJson.Default.LogMessage);
                    onLog(header?.RequestId, Encoding.UTF8.GetString(frame.Body.Span));
                    continue;
                }

                var reply = Interlocked.Exchange(ref pending, null);
                if (reply is null)
                {
                    throw new ProtocolViolationException($"unexpected {frame.Type} frame");
                }

                Interlocked.Exchange(ref beforeReply, null)?.Invoke();
                reply.TrySetResult(frame);
            }
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException)
        {
            reason = "the runtime's socket broke";
        }
        catch (Exception exception) when (exception is ProtocolViolationException or JsonException)
        {
            reason = $"the runtime broke the protocol: {exception.Message}";
        }

        closed.TrySetResult(reason);
        Interlocked.Exchange(ref pending, null)?.TrySetException(new RuntimeLostException(reason));
    }
}
