using System.Globalization;
using System.Runtime.Versioning;
using Playground.Execution.Limits;

namespace Playground.Execution.Sandbox;

/// <summary>
/// The environment every runtime process of a context starts with: Lambda's fixed variables, and the .NET settings
/// that only take effect when a process starts (its GC heap hard limit and processor count), which is why a
/// sandbox is made for one memory size. The function's own variables (AWS_LAMBDA_*) come with Load.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class SandboxEnvironment
{
    /// <summary>The share of the memory size the GC heap may take: .NET's own default under a container limit.</summary>
    public const double HeapShare = 0.75;

    public static List<(string Name, string Value)> For(SandboxSpec spec, string socketPath) =>
    [
        ("PATH", "/var/lang/bin:/usr/local/bin:/usr/bin:/bin"),
        ("LANG", "en_US.UTF-8"),
        ("TZ", ":UTC"),
        ("LAMBDA_TASK_ROOT", "/var/task"),
        ("LAMBDA_RUNTIME_DIR", "/var/runtime"),
        ("DOTNET_ROOT", "/var/lang"),
        ("DOTNET_NOLOGO", "1"),
        ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        // No diagnostics IPC socket (it would appear in the function's /tmp and count against its quota), and no
        // debugger or profiler attach.
        ("DOTNET_EnableDiagnostics", "0"),
        ("DOTNET_TieredPGO", "0"),
        // A managed overrun ends in an OutOfMemoryException the function can see, well before the kernel's limit.
        ("DOTNET_GCHeapHardLimit", "0x" + HeapHardLimitBytes(spec.MemorySizeMb).ToString("X", CultureInfo.InvariantCulture)),
        // The sandbox has no /sys/fs/cgroup to read its CPU quota from; Lambda's processor count follows memory.
        ("DOTNET_PROCESSOR_COUNT", Math.Min(CgroupLimits.Vcpus(spec.MemorySizeMb), Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture)),
        (Runtime.Protocol.RuntimeEnvironment.SocketVariable, socketPath),
    ];

    public static long HeapHardLimitBytes(int memorySizeMb) => (long)(memorySizeMb * HeapShare) * 1024 * 1024;
}
