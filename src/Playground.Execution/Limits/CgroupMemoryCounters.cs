using System.Globalization;
using System.Runtime.Versioning;
using Playground.Execution.Freezing;

namespace Playground.Execution.Limits;

/// <summary>
/// What the memory controller knows about one context: its peak usage over its life, the part of its current usage
/// that is shmem (its /tmp tmpfs pages, mostly), and how many of its processes the OOM killer has ended. The cgroup
/// outlives the runtime process, so these are still there after the OOM killer took it.
/// </summary>
[SupportedOSPlatform("linux")]
internal readonly record struct CgroupMemoryCounters(long PeakBytes, long ShmemBytes, long OomKills)
{
    /// <summary>
    /// The peak without /tmp, the function's memory as Lambda's Max Memory Used means it. The tmpfs pages are taken
    /// at their current count: exact while /tmp only grows, an overstatement after a handler deleted big files.
    /// </summary>
    public long PeakWithoutTmpBytes => Math.Max(0, PeakBytes - ShmemBytes);

    /// <summary>The counters, or null where the context has no memory controller or its files cannot be read.</summary>
    public static CgroupMemoryCounters? Read(ContextCgroup? cgroup)
    {
        if (cgroup is null)
        {
            return null;
        }

        try
        {
            return cgroup.VersionOf("memory") switch
            {
                CgroupVersion.V1 => ReadV1(cgroup.DirectoryOf("memory")!),
                CgroupVersion.V2 => ReadV2(cgroup.DirectoryOf("memory")!),
                _ => null,
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Only the peak, one small read: enough to tell that nothing grew since the last full reading.</summary>
    public static long? ReadPeak(ContextCgroup? cgroup)
    {
        try
        {
            return cgroup?.VersionOf("memory") switch
            {
                CgroupVersion.V1 => cgroup.ControlFile("memory", "memory.max_usage_in_bytes", FileAccess.Read).ReadNumber(),
                CgroupVersion.V2 when File.Exists(Path.Join(cgroup.DirectoryOf("memory"), "memory.peak")) =>
                    cgroup.ControlFile("memory", "memory.peak", FileAccess.Read).ReadNumber(),
                _ => null,
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    private static CgroupMemoryCounters ReadV1(string directory)
    {
        var stat = Fields(Path.Join(directory, "memory.stat"));
        return new(
            Number(Path.Join(directory, "memory.max_usage_in_bytes")),
            stat.GetValueOrDefault("total_shmem", stat.GetValueOrDefault("shmem")),
            Fields(Path.Join(directory, "memory.oom_control")).GetValueOrDefault("oom_kill"));
    }

    private static CgroupMemoryCounters ReadV2(string directory)
    {
        // memory.peak came with Linux 5.19; before it, the current usage is the best there is.
        var peak = Path.Join(directory, "memory.peak");
        return new(
            Number(File.Exists(peak) ? peak : Path.Join(directory, "memory.current")),
            Fields(Path.Join(directory, "memory.stat")).GetValueOrDefault("shmem"),
            Fields(Path.Join(directory, "memory.events")).GetValueOrDefault("oom_kill"));
    }

    private static long Number(string file) => long.Parse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture);

    /// <summary>A flat keyed file: one "name value" per line.</summary>
    private static Dictionary<string, long> Fields(string file)
    {
        var result = new Dictionary<string, long>(StringComparer.Ordinal);
        if (!File.Exists(file))
        {
            return result;
        }

        foreach (var line in File.ReadLines(file))
        {
            var space = line.IndexOf(' ');
            if (space > 0 && long.TryParse(line.AsSpan(space + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                result[line[..space]] = value;
            }
        }

        return result;
    }
}
