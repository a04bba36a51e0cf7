using System.Runtime.Versioning;

namespace Playground.Execution.Freezing;

/// <summary>cgroup v2: <c>cgroup.freeze</c> freezes the whole cgroup, threads and children included.</summary>
[SupportedOSPlatform("linux")]
internal sealed class CgroupV2Freezer : IFreezer
{
    public string Name => "cgroup2";

    public CgroupVersion CgroupVersion => CgroupVersion.V2;

    /// <summary>As for the v1 freezer: one cgroup frozen for the server's lifetime keeps the kernel's freezer path on.</summary>
    public void Prepare(CgroupLayout? layout)
    {
        if (layout?.V2Directory is { } directory)
        {
            var anchor = Path.Join(directory, "anchor");
            Directory.CreateDirectory(anchor);
            File.WriteAllText(Path.Join(anchor, "cgroup.freeze"), "1");
        }
    }

    public void Freeze(FreezeTarget target) => Write(target, "1");

    public void Thaw(FreezeTarget target) => Write(target, "0");

    private static void Write(FreezeTarget target, string value)
    {
        var cgroup = target.Cgroup is { V2Directory: not null } c ? c : throw new InvalidOperationException("context has no cgroup v2 directory");
        cgroup.ControlFile(string.Empty, "cgroup.freeze", FileAccess.Write).Write(value);
    }
}
