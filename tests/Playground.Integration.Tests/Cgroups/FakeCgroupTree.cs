using Playground.Execution.Freezing;

namespace Playground.Integration.Tests.Cgroups;

/// <summary>
/// A directory tree shaped like a cgroup filesystem, with the mount table and membership files that point at it: the
/// kernel's files are plain files here, so tests can see what was written and put there what the kernel would report.
/// </summary>
internal sealed class FakeCgroupTree : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("fake-cgroups-").FullName;

    public FakeCgroupTree()
    {
        Instance = $"playground-{Environment.ProcessId}-fake";
    }

    /// <summary>The server instance name whose directories the layout will use.</summary>
    public string Instance { get; }

    public string Root => root;

    /// <summary>A pure cgroup v2 host, this server in <paramref name="ownPath"/> with the given controllers available.</summary>
    public CgroupHost PureV2(string ownPath, string controllers, bool serverInOwnCgroup = false)
    {
        var unified = Path.Join(root, "unified");
        var own = Path.Join(unified, ownPath.TrimStart('/'));
        Cgroup(unified, controllers);
        Cgroup(own, controllers, serverInOwnCgroup ? $"{Environment.ProcessId}\n" : string.Empty);
        Cgroup(Path.Join(own, Instance), controllers);
        return Host($"30 24 0:26 / {unified} rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw,nsdelegate\n", $"0::{ownPath}\n");
    }

    /// <summary>A cgroup v1 host with one hierarchy per controller, this server at the root of each.</summary>
    public CgroupHost V1(params string[] controllers)
    {
        var mounts = new List<string>();
        var membership = new List<string>();
        for (var i = 0; i < controllers.Length; i++)
        {
            var mount = Path.Join(root, controllers[i]);
            Cgroup(mount, string.Empty);
            Cgroup(Path.Join(mount, Instance), string.Empty);
            mounts.Add($"{40 + i} 24 0:{40 + i} / {mount} rw,nosuid,nodev,noexec,relatime shared:{10 + i} - cgroup cgroup rw,{controllers[i]}");
            membership.Add($"{i + 1}:{controllers[i]}:/");
        }

        return Host(string.Join('\n', mounts) + "\n", string.Join('\n', membership) + "\n");
    }

    public static string Read(string directory, string file) => File.ReadAllText(Path.Join(directory, file));

    public static void Write(string directory, string file, string text) => File.WriteAllText(Path.Join(directory, file), text);

    public void Dispose() => Directory.Delete(root, recursive: true);

    private static void Cgroup(string directory, string controllers, string procs = "")
    {
        Directory.CreateDirectory(directory);
        Write(directory, "cgroup.controllers", controllers);
        Write(directory, "cgroup.subtree_control", string.Empty);
        Write(directory, "cgroup.procs", procs);
    }

    private CgroupHost Host(string mountInfo, string ownCgroup)
    {
        var mountInfoPath = Path.Join(root, "mountinfo");
        var cgroupPath = Path.Join(root, "cgroup");
        File.WriteAllText(mountInfoPath, mountInfo);
        File.WriteAllText(cgroupPath, ownCgroup);
        return new CgroupHost(mountInfoPath, cgroupPath, Environment.ProcessId);
    }
}
