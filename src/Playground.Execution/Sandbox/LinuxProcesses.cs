using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Playground.Execution.Sandbox;

/// <summary>Signals and /proc reads for the processes of an execution context.</summary>
[SupportedOSPlatform("linux")]
internal static partial class LinuxProcesses
{
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    /// <summary>Sends a signal; false when the process is already gone.</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && Kill(pid, signal) == 0;

    /// <summary>The process and all its descendants, found through /proc/&lt;pid&gt;/task/&lt;tid&gt;/children.</summary>
    public static List<int> Tree(int root)
    {
        var result = new List<int>();
        var pending = new Stack<int>();
        pending.Push(root);
        while (pending.TryPop(out var pid))
        {
            if (!Directory.Exists($"/proc/{pid}"))
            {
                continue;
            }

            result.Add(pid);
            foreach (var child in Children(pid))
            {
                pending.Push(child);
            }
        }

        return result;
    }

    /// <summary>Peak resident set size (VmHWM) in bytes, or 0 when the process is gone.</summary>
    public static long PeakResidentBytes(int pid) => StatusField(pid, "VmHWM:") * 1024;

    /// <summary>The process exists and has not exited (a zombie has).</summary>
    public static bool IsRunning(int pid)
    {
        try
        {
            var state = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(line => line.StartsWith("State:", StringComparison.Ordinal));
            return state is not null && !state.Contains('Z') && !state.Contains('X');
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The parent's pid, or 0 when the process is gone.</summary>
    public static int ParentOf(int pid) => (int)StatusField(pid, "PPid:");

    /// <summary>Current resident set size (VmRSS) in bytes, or 0 when the process is gone.</summary>
    public static long ResidentBytes(int pid) => StatusField(pid, "VmRSS:") * 1024;

    private static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            yield break;
        }
        catch (UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(Path.Combine(task, "children"));
            }
            catch (IOException)
            {
                continue;
            }

            foreach (var part in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(part, out var child))
                {
                    yield return child;
                }
            }
        }
    }

    /// <summary>The number of a /proc/&lt;pid&gt;/status field (kilobytes for the memory ones).</summary>
    private static long StatusField(int pid, string field)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    var digits = line.AsSpan(field.Length).Trim();
                    var space = digits.IndexOf(' ');
                    return long.TryParse(space < 0 ? digits : digits[..space], out var kb) ? kb : 0;
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
