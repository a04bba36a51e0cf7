using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Playground.Execution.Sandbox;

/// <summary>File ownership, which .NET has no API for on Unix.</summary>
[SupportedOSPlatform("linux")]
internal static partial class LinuxFiles
{
    /// <exception cref="IOException">The kernel refused.</exception>
    public static void Chown(string path, int uid, int gid)
    {
        if (NativeChown(path, uid, gid) != 0)
        {
            throw new IOException($"chown {path} to {uid}:{gid} failed (errno {Marshal.GetLastPInvokeError()})");
        }
    }

    [LibraryImport("libc", EntryPoint = "chown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeChown(string path, int uid, int gid);
}
