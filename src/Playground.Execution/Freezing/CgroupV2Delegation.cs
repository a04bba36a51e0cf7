using System.Runtime.Versioning;

namespace Playground.Execution.Freezing;

/// <summary>
/// Hands the memory, pids and cpu controllers of cgroup v2 down to this server's execution contexts. A cgroup may
/// enable controllers for its children only while it holds no processes itself (the root excepted), and a server
/// usually runs in the very cgroup it was given (a container's, or a systemd service's with Delegate=yes): then it
/// moves itself into a leaf of its own and tries again, as systemd's rules for delegated cgroups ask.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class CgroupV2Delegation
{
    public const string ServerLeaf = "playground-server";

    private static readonly string[] Wanted = ["memory", "pids", "cpu"];

    /// <param name="own">The cgroup this server runs in.</param>
    /// <param name="serverDirectory">This server's directory below it, the parent of every context's.</param>
    /// <returns>The controllers every context directory has.</returns>
    public static List<string> EnableControllers(string own, string serverDirectory, int processId)
    {
        var available = Words(Path.Join(own, "cgroup.controllers"));
        var enabled = new List<string>();
        foreach (var controller in Wanted.Where(available.Contains))
        {
            var handedDown = Enable(own, controller) || (MoveIntoLeaf(own, processId) && Enable(own, controller));
            if (handedDown && Enable(serverDirectory, controller))
            {
                enabled.Add(controller);
            }
        }

        return enabled;
    }

    private static bool Enable(string directory, string controller) =>
        CgroupLayout.TryWrite(Path.Join(directory, "cgroup.subtree_control"), "+" + controller);

    /// <summary>Moves this process (all its threads) out of <paramref name="own"/>, if it is there.</summary>
    private static bool MoveIntoLeaf(string own, int processId)
    {
        var procs = Path.Join(own, "cgroup.procs");
        if (!File.Exists(procs) || !File.ReadLines(procs).Contains(processId.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            return false;
        }

        try
        {
            var leaf = Directory.CreateDirectory(Path.Join(own, ServerLeaf)).FullName;
            return CgroupLayout.TryWrite(Path.Join(leaf, "cgroup.procs"), processId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static HashSet<string> Words(string file)
    {
        try
        {
            return File.ReadAllText(file).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }
}
