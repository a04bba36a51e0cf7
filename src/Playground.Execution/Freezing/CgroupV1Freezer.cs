using System.Runtime.Versioning;

namespace Playground.Execution.Freezing;

/// <summary>cgroup v1: the freezer controller's <c>freezer.state</c>.</summary>
[SupportedOSPlatform("linux")]
internal sealed class CgroupV1Freezer : IFreezer
{
    public string Name => "cgroup1";

    public CgroupVersion CgroupVersion => CgroupVersion.V1;

    /// <summary>
    /// Freezes an empty "anchor" cgroup for the server's lifetime. The kernel turns its freezer code path on and off
    /// (a static key, patched into the running kernel) when the first cgroup freezes and the last one thaws; with
    /// one always frozen, freezing and thawing a context stay cheap (tens of microseconds instead of milliseconds).
    /// </summary>
    public void Prepare(CgroupLayout? layout)
    {
        if (layout?.V1Directories.GetValueOrDefault("freezer") is { } directory)
        {
            var anchor = Path.Join(directory, "anchor");
            Directory.CreateDirectory(anchor);
            File.WriteAllText(Path.Join(anchor, "freezer.state"), "FROZEN");
        }
    }

    public void Freeze(FreezeTarget target) => Write(target, "FROZEN");

    public void Thaw(FreezeTarget target) => Write(target, "THAWED");

    private static void Write(FreezeTarget target, string value)
    {
        var cgroup = target.Cgroup ?? throw new InvalidOperationException("context has no cgroup v1 freezer");
        cgroup.ControlFile("freezer", "freezer.state", FileAccess.Write).Write(value);
    }
}
