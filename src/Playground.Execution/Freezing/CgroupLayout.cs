using System.Runtime.Versioning;

namespace Playground.Execution.Freezing;

/// <summary>
/// Where this server may create cgroups for its execution contexts, found at start-up from /proc/self/mountinfo and
/// /proc/self/cgroup: the cgroup v2 directory (if the unified hierarchy is mounted and writable) and the cgroup v1
/// directory of each controller we use (freezer, memory, pids, cpu). The directories are this server's own
/// (named after the server instance, below the cgroup it runs in), so two servers on one host never touch each other's.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class CgroupLayout
{
    public static readonly string[] V1Controllers = ["freezer", "memory", "pids", "cpu"];

    private CgroupLayout(string? v2Directory, bool pureV2, IReadOnlyDictionary<string, string> v1Directories, IReadOnlyList<string> v2Controllers)
    {
        V2Directory = v2Directory;
        IsPureV2 = pureV2;
        V1Directories = v1Directories;
        V2Controllers = v2Controllers;
    }

    /// <summary>This server's cgroup v2 directory, or null where none could be made.</summary>
    public string? V2Directory { get; }

    /// <summary>The host runs cgroup v2 only (no v1 hierarchies).</summary>
    public bool IsPureV2 { get; }

    /// <summary>Controllers enabled for the children of <see cref="V2Directory"/>.</summary>
    public IReadOnlyList<string> V2Controllers { get; }

    /// <summary>This server's cgroup v1 directory per controller that is mounted and writable.</summary>
    public IReadOnlyDictionary<string, string> V1Directories { get; }

    /// <param name="instance">This server's name for what it creates, <c>playground-&lt;pid&gt;-&lt;suffix&gt;</c>.</param>
    public static CgroupLayout Detect(string instance) => Detect(instance, CgroupHost.Current);

    internal static CgroupLayout Detect(string instance, CgroupHost host)
    {
        var mounts = ReadMounts(host.MountInfoPath);
        var own = ReadOwnCgroups(host.OwnCgroupPath);
        var name = instance;

        string? v2 = null;
        var v2Controllers = new List<string>();
        var unified = mounts.FirstOrDefault(m => m.FsType == "cgroup2");
        var hasV1 = mounts.Any(m => m.FsType == "cgroup");
        if (unified is not null && own.TryGetValue(string.Empty, out var ownV2))
        {
            var ownDirectory = Path.Join(unified.MountPoint, ownV2);
            v2 = TryCreate(ownDirectory, name);
            if (v2 is not null)
            {
                v2Controllers.AddRange(CgroupV2Delegation.EnableControllers(ownDirectory, v2, host.ProcessId));
            }
        }

        var v1 = new Dictionary<string, string>();
        foreach (var controller in V1Controllers)
        {
            var mount = mounts.FirstOrDefault(m => m.FsType == "cgroup" && m.Options.Contains(controller));
            if (mount is null || !own.TryGetValue(controller, out var ownPath))
            {
                continue;
            }

            var directory = TryCreate(Path.Join(mount.MountPoint, ownPath), name);
            if (directory is not null)
            {
                v1[controller] = directory;
            }
        }

        return new CgroupLayout(v2, unified is not null && !hasV1, v1, v2Controllers);
    }

    /// <summary>Removes this server's cgroup directories once its contexts are gone.</summary>
    public void Remove()
    {
        foreach (var directory in V1Directories.Values.Append(V2Directory))
        {
            if (directory is not null)
            {
                CgroupDirectory.TryRemove(directory);
            }
        }
    }

    private static string? TryCreate(string parent, string name)
    {
        var directory = Path.Join(parent, name);
        try
        {
            SweepStale(parent);
            Directory.CreateDirectory(directory);
            // A directory we cannot write into is as good as none.
            return File.Exists(Path.Join(directory, "cgroup.procs")) && IsWritable(Path.Join(directory, "cgroup.procs")) ? directory : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Directories left by servers that died without cleaning up (their guard should have removed them): what is
    /// still inside is thawed and killed, then the directories go.
    /// </summary>
    private static void SweepStale(string parent)
    {
        if (!Directory.Exists(parent))
        {
            return;
        }

        foreach (var stale in Directory.EnumerateDirectories(parent, "playground-*"))
        {
            if (ServerInstance.OwnerOf(Path.GetFileName(stale)) is not { } pid || Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            foreach (var child in Directory.EnumerateDirectories(stale))
            {
                TryWrite(Path.Join(child, "freezer.state"), "THAWED");
                TryWrite(Path.Join(child, "cgroup.freeze"), "0");
                foreach (var line in File.ReadLines(Path.Join(child, "cgroup.procs")))
                {
                    if (int.TryParse(line, out var orphan))
                    {
                        Sandbox.LinuxProcesses.Signal(orphan, Sandbox.LinuxProcesses.SigKill);
                    }
                }

                CgroupDirectory.TryRemove(child);
            }

            CgroupDirectory.TryRemove(stale);
        }
    }

    private static bool IsWritable(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Write);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal static bool TryWrite(string file, string value)
    {
        try
        {
            File.WriteAllText(file, value);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private sealed record Mount(string MountPoint, string FsType, string[] Options);

    private static List<Mount> ReadMounts(string mountInfoPath)
    {
        var result = new List<Mount>();
        // mountinfo: id parent major:minor root mountpoint options [optional...] - fstype source superoptions
        foreach (var line in File.ReadLines(mountInfoPath))
        {
            var separator = line.IndexOf(" - ", StringComparison.Ordinal);
            if (separator < 0)
            {
                continue;
            }

            var left = line[..separator].Split(' ');
            var right = line[(separator + 3)..].Split(' ');
            if (left.Length < 5 || right.Length < 3 || !right[0].StartsWith("cgroup", StringComparison.Ordinal))
            {
                continue;
            }

            result.Add(new Mount(left[4].Replace("\\040", " "), right[0], right[2].Split(',')));
        }

        return result;
    }

    /// <summary>Controller name (empty for v2) -> this process's cgroup path in that hierarchy.</summary>
    private static Dictionary<string, string> ReadOwnCgroups(string ownCgroupPath)
    {
        var result = new Dictionary<string, string>();
        foreach (var line in File.ReadLines(ownCgroupPath))
        {
            var parts = line.Split(':', 3);
            if (parts.Length != 3)
            {
                continue;
            }

            if (parts[0] == "0" && parts[1].Length == 0)
            {
                result[string.Empty] = parts[2];
                continue;
            }

            foreach (var controller in parts[1].Split(','))
            {
                result[controller] = parts[2];
            }
        }

        return result;
    }
}
