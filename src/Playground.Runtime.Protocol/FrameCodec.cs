using System.Buffers.Binary;

namespace Playground.Runtime.Protocol;

/// <summary>
/// Length-prefixed framing over a stream: [int32 length of the rest][byte type][int32 header length][header][body].
/// The reader refuses frames over its limit, because the other end may be hostile code that took over the runtime.
/// </summary>
public static class FrameCodec
{
    public const int PrefixSize = 4;
    private const int FixedSize = 1 + 4;

    public static byte[] Encode(FrameType type, ReadOnlySpan<byte> header, ReadOnlySpan<byte> body)
    {
        var rest = FixedSize + header.Length + body.Length;
        var buffer = new byte[PrefixSize + rest];
        BinaryPrimitives.WriteInt32LittleEndian(buffer, rest);
        buffer[PrefixSize] = (byte)type;
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(PrefixSize + 1), header.Length);
        header.CopyTo(buffer.AsSpan(PrefixSize + FixedSize));
        body.CopyTo(buffer.AsSpan(PrefixSize + FixedSize + header.Length));
        return buffer;
    }

    /// <summary>Reads one frame, or null at a clean end of stream.</summary>
    public static async ValueTask<Frame?> ReadAsync(Stream stream, int maxFrameBytes, CancellationToken cancellationToken)
    {
        var prefix = new byte[PrefixSize];
        if (!await ReadExactlyOrEndAsync(stream, prefix, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var rest = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (rest < FixedSize || rest > maxFrameBytes)
        {
            throw new ProtocolViolationException($"frame of {rest} bytes is outside 5..{maxFrameBytes}");
        }

        var buffer = new byte[rest];
        if (!await ReadExactlyOrEndAsync(stream, buffer, cancellationToken).ConfigureAwait(false))
        {
            throw new ProtocolViolationException("stream ended inside a frame");
        }

        return Parse(buffer, rest);
    }

    /// <summary>
    /// Reads one frame, blocking the calling thread, or null at a clean end of stream. The runtime reads this way:
    /// a thread blocked in the socket wakes at once when the host writes, where an asynchronous read would first
    /// have to be handed to a thread-pool thread.
    /// </summary>
    public static Frame? Read(Stream stream, int maxFrameBytes)
    {
        Span<byte> prefix = stackalloc byte[PrefixSize];
        var first = stream.ReadAtLeast(prefix, PrefixSize, throwOnEndOfStream: false);
        if (first == 0)
        {
            return null;
        }

        if (first < PrefixSize)
        {
            throw new ProtocolViolationException("stream ended inside a frame");
        }

        var rest = BinaryPrimitives.ReadInt32LittleEndian(prefix);
        if (rest < FixedSize || rest > maxFrameBytes)
        {
            throw new ProtocolViolationException($"frame of {rest} bytes is outside 5..{maxFrameBytes}");
        }

        var buffer = new byte[rest];
        if (stream.ReadAtLeast(buffer, rest, throwOnEndOfStream: false) < rest)
        {
            throw new ProtocolViolationException("stream ended inside a frame");
        }

        return Parse(buffer, rest);
    }

    private static Frame Parse(byte[] buffer, int rest)
    {
        var type = (FrameType)buffer[0];
        if (!Enum.IsDefined(type))
        {
            throw new ProtocolViolationException($"unknown frame type {buffer[0]}");
        }

        var headerLength = BinaryPrimitives.ReadInt32LittleEndian(buffer.AsSpan(1));
        if (headerLength < 0 || headerLength > rest - FixedSize)
        {
            throw new ProtocolViolationException($"header of {headerLength} bytes in a frame of {rest}");
        }

        var memory = buffer.AsMemory();
        return new Frame(type, memory.Slice(FixedSize, headerLength), memory[(FixedSize + headerLength)..]);
    }

    private static async ValueTask<bool> ReadExactlyOrEndAsync(Stream stream, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var read = 0;
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer[read..], cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return read == 0 ? false : throw new ProtocolViolationException("stream ended inside a frame");
            }

            read += n;
        }

        return true;
    }
}
