namespace Playground.Benchmarks;

/// <summary>Memory of processes from /proc: proportional set size (shared pages split between sharers) and resident set size.</summary>
public static class ProcessMemory
{
    public static (long PssBytes, long RssBytes) Of(int pid)
    {
        long pss = 0, rss = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/smaps_rollup"))
            {
                if (line.StartsWith("Pss:", StringComparison.Ordinal))
                {
                    pss = Kilobytes(line) * 1024;
                }
                else if (line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    rss = Kilobytes(line) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return (pss, rss);
    }

    /// <summary>Every process whose command line contains <paramref name="marker"/>.</summary>
    public static List<int> ProcessesNaming(string marker)
    {
        var result = new List<int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Join(directory, "cmdline")).Replace('\0', ' ').Contains(marker, StringComparison.Ordinal))
                {
                    result.Add(pid);
                }
            }
            catch (IOException)
            {
            }
        }

        return result;
    }

    /// <summary>Every descendant of a process (the sandbox's processes inside its pid namespace do not name the run directory).</summary>
    public static List<int> Descendants(IEnumerable<int> roots)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Join(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                var parent = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
                if (!children.TryGetValue(parent, out var list))
                {
                    children[parent] = list = [];
                }

                list.Add(pid);
            }
            catch (IOException)
            {
            }
        }

        var result = new List<int>();
        var pending = new Stack<int>(roots);
        while (pending.TryPop(out var pid))
        {
            result.Add(pid);
            foreach (var child in children.GetValueOrDefault(pid) ?? [])
            {
                pending.Push(child);
            }
        }

        return result;
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
}
