using System.Buffers.Text;
using System.Runtime.Versioning;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Playground.Execution.Freezing;

/// <summary>
/// A cgroup file that is written or read on every invocation (the freezer's state, the memory peak), kept open: a
/// positioned write or read on an open handle costs a fraction of opening the file by path each time, and these
/// files sit on the path of every warm invoke.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CgroupControlFile(string path, FileAccess access) : IDisposable
{
    private readonly Lock gate = new();
    private SafeFileHandle? handle;

    public string Path { get; } = path;

    public void Write(string value)
    {
        var bytes = Encoding.ASCII.GetBytes(value);
        lock (gate)
        {
            // OpenOrCreate: a cgroup's files exist already; a test's stand-in tree may not have them yet.
            RandomAccess.Write(handle ??= File.OpenHandle(Path, FileMode.OpenOrCreate, access), bytes, 0);
        }
    }

    /// <summary>The number the file holds (a single value such as memory.peak).</summary>
    public long ReadNumber()
    {
        Span<byte> buffer = stackalloc byte[64];
        int read;
        lock (gate)
        {
            read = RandomAccess.Read(handle ??= File.OpenHandle(Path, FileMode.Open, access), buffer, 0);
        }

        return Utf8Parser.TryParse(buffer[..read].TrimEnd("\n"u8), out long value, out _)
            ? value
            : throw new FormatException($"{Path} holds no number");
    }

    public void Dispose()
    {
        lock (gate)
        {
            handle?.Dispose();
            handle = null;
        }
    }
}
