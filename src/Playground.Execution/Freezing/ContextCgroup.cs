using System.Runtime.Versioning;

namespace Playground.Execution.Freezing;

/// <summary>
/// The cgroups of one execution context: a cgroup v2 directory, cgroup v1 directories per controller, or both on a
/// hybrid host. The sandbox joins them before bubblewrap starts, so every process of the context, present and
/// future, is inside.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ContextCgroup
{
    private readonly CgroupLayout layout;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CgroupControlFile> openFiles = new(StringComparer.Ordinal);

    private ContextCgroup(CgroupLayout layout, string? v2Directory, IReadOnlyDictionary<string, string> v1Directories)
    {
        this.layout = layout;
        V2Directory = v2Directory;
        V1Directories = v1Directories;
    }

    public string? V2Directory { get; }

    public IReadOnlyDictionary<string, string> V1Directories { get; }

    /// <summary>The cgroup.procs files a process writes its pid into to join this context's cgroups.</summary>
    public IEnumerable<string> ProcsFiles =>
        V1Directories.Values.Prepend(V2Directory).OfType<string>().Select(d => Path.Join(d, "cgroup.procs"));

    /// <summary>
    /// Creates the context's directories: v1 for every controller mounted, v2 when the freezer asks for it or when
    /// v2 has a controller that v1 lacks (on a pure cgroup v2 host, all of them).
    /// </summary>
    public static ContextCgroup? Create(CgroupLayout layout, bool withV2, string contextId)
    {
        withV2 |= layout.V2Controllers.Any(controller => !layout.V1Directories.ContainsKey(controller));
        var v2 = withV2 && layout.V2Directory is { } parent ? Path.Join(parent, contextId) : null;
        var v1 = layout.V1Directories.ToDictionary(pair => pair.Key, pair => Path.Join(pair.Value, contextId));
        if (v2 is null && v1.Count == 0)
        {
            return null;
        }

        foreach (var directory in v1.Values.Prepend(v2).OfType<string>())
        {
            Directory.CreateDirectory(directory);
        }

        return new ContextCgroup(layout, v2, v1);
    }

    /// <summary>
    /// The directory holding a controller's files: its v1 directory, else the v2 directory when the controller is
    /// enabled there. The empty name asks for the v2 directory itself (its core files, such as cgroup.freeze).
    /// </summary>
    public string? DirectoryOf(string controller)
    {
        if (controller.Length > 0 && V1Directories.TryGetValue(controller, out var v1))
        {
            return v1;
        }

        return controller.Length == 0 || layout.V2Controllers.Contains(controller) ? V2Directory : null;
    }

    /// <summary>Which hierarchy holds a controller's files for this context; None when the host gives it neither.</summary>
    public CgroupVersion VersionOf(string controller) =>
        V1Directories.ContainsKey(controller) ? CgroupVersion.V1
        : V2Directory is not null && layout.V2Controllers.Contains(controller) ? CgroupVersion.V2
        : CgroupVersion.None;

    /// <summary>A file of this cgroup that is read or written on every invocation, kept open until the cgroup goes.</summary>
    public CgroupControlFile ControlFile(string controller, string name, FileAccess access) =>
        openFiles.GetOrAdd(
            $"{controller}/{name}",
            _ => new CgroupControlFile(Path.Join(DirectoryOf(controller) ?? throw new InvalidOperationException($"no {controller} cgroup"), name), access));

    /// <summary>Every process in the context, as the kernel counts them.</summary>
    public List<int> Processes()
    {
        var result = new List<int>();
        var directory = V2Directory ?? V1Directories.Values.First();
        try
        {
            foreach (var line in File.ReadLines(Path.Join(directory, "cgroup.procs")))
            {
                if (int.TryParse(line, out var pid))
                {
                    result.Add(pid);
                }
            }
        }
        catch (IOException)
        {
        }

        return result;
    }

    public void Remove()
    {
        foreach (var file in openFiles.Values)
        {
            file.Dispose();
        }

        foreach (var directory in V1Directories.Values.Prepend(V2Directory).OfType<string>())
        {
            CgroupDirectory.TryRemove(directory);
        }
    }
}
