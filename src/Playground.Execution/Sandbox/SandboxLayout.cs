using System.Globalization;
using System.Runtime.Versioning;

namespace Playground.Execution.Sandbox;

/// <summary>
/// The bubblewrap command line of an execution context. New user, pid, net, ipc, uts, mount and cgroup namespaces,
/// with no nested user namespaces (a user namespace grants capabilities inside it, and with them much of the
/// kernel to attack). The root is a read-only tmpfs holding only what the runtime needs: the host's shared
/// libraries, time zones and /bin/sh (the supervisor); the .NET runtime at /var/lang; the staged runtime at
/// /var/runtime; a small /etc of our own; the context's socket folder. /proc is the sandbox's own, with the files
/// that describe the host masked as container engines mask them; /dev is bubblewrap's minimal one, read-only; /tmp
/// is the only writable place, a tmpfs of the context's ephemeral storage size. Lambda's user, hostname and
/// environment; no server path anywhere (<see cref="StagedRuntime"/>).
/// Inside, a shell loop (pid 1, which the sandbox's own processes cannot kill) starts the runtime each time the
/// host asks and reports how each runtime process ended, so a reset replaces the runtime while /tmp lives on.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class SandboxLayout
{
    public const string SocketDirectory = "/run/playground";
    public const string SocketPath = SocketDirectory + "/runtime.sock";

    /// <summary>The supervisor prints this byte, "exit" and the status after each runtime process ends.</summary>
    public const string ExitMarker = "\u001eexit ";

    // The host writes a line to ask for a runtime; "$@" is the runtime command. stderr joins stdout so the host
    // reads the runtime's native output and the exit reports in the order they happened.
    public const string Supervisor =
        "exec 2>&1; while read -r _; do \"$@\" </dev/null; printf '\\036exit %d\\n' $?; done";

    // Lambda's sandbox user (sbx_user1051) and group.
    private const string Uid = "993";
    private const string Gid = "990";

    // Host information that /proc shows whatever the pid namespace; masked as Docker and Podman mask them.
    private static readonly string[] MaskedProcFiles =
        ["kcore", "keys", "key-users", "latency_stats", "timer_list", "timer_stats", "sched_debug", "kallsyms", "kmsg"];

    private static readonly string[] MaskedProcDirectories = ["acpi", "asound", "scsi"];

    /// <param name="hiddenPaths">Server paths to cover should they lie under a bound host folder (e.g. an app installed below /usr/lib).</param>
    public static List<string> Arguments(
        RuntimeFiles files, string contextDirectory, string etcDirectory, SandboxSpec spec, bool disableNestedUserNamespaces,
        IReadOnlyList<string> hiddenPaths)
    {
        var args = new List<string> { "--unshare-all", "--unshare-user" };
        if (disableNestedUserNamespaces)
        {
            args.Add("--disable-userns");
        }

        args.AddRange(["--as-pid-1", "--die-with-parent", "--new-session", "--uid", Uid, "--gid", Gid, "--hostname", "lambda"]);
        var bound = AddSystemFiles(args);

        var version = Path.GetFileName(files.FrameworkDirectory.TrimEnd('/'));
        args.AddRange(
        [
            "--ro-bind", etcDirectory, "/etc",
            "--ro-bind", Path.Join(files.DotnetRoot, "dotnet"), "/var/lang/dotnet",
            "--ro-bind", Path.Join(files.DotnetRoot, "host"), "/var/lang/host",
            "--ro-bind", files.FrameworkDirectory, $"/var/lang/shared/Microsoft.NETCore.App/{version}",
            "--ro-bind", files.RuntimeDirectory, "/var/runtime",
            "--ro-bind", contextDirectory, SocketDirectory,
            "--dir", "/var/task",
            "--proc", "/proc",
        ]);

        AddProcMasks(args);
        args.AddRange(
        [
            "--dev", "/dev",
            "--remount-ro", "/dev",
            "--size", ((long)spec.EphemeralStorageMb * 1024 * 1024).ToString(CultureInfo.InvariantCulture),
            "--tmpfs", "/tmp",
        ]);

        foreach (var hidden in hiddenPaths.Where(path => bound.Any(root => IsUnder(path, root))))
        {
            args.AddRange(["--tmpfs", hidden, "--remount-ro", hidden]);
        }

        args.AddRange(["--remount-ro", "/", "--chdir", "/var/task", "--clearenv"]);
        foreach (var (name, value) in SandboxEnvironment.For(spec, SocketPath))
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.AddRange(["--", "/bin/sh", "-c", Supervisor, "supervisor", "/var/lang/dotnet", "/var/runtime/" + files.RuntimeAssemblyName]);
        return args;
    }

    /// <summary>The options a host must accept for <see cref="Arguments"/> to work, on a trivial command: the start-up probe.</summary>
    public static List<string> ProbeArguments(bool disableNestedUserNamespaces)
    {
        var args = new List<string> { "--unshare-all", "--unshare-user" };
        if (disableNestedUserNamespaces)
        {
            args.Add("--disable-userns");
        }

        args.AddRange(["--as-pid-1", "--die-with-parent", "--new-session", "--uid", Uid, "--gid", Gid]);
        AddSystemFiles(args);
        args.AddRange(["--proc", "/proc"]);
        AddProcMasks(args);
        args.AddRange(["--dev", "/dev", "--remount-ro", "/dev", "--size", "1048576", "--tmpfs", "/tmp", "--remount-ro", "/", "--clearenv", "--", "/bin/sh", "-c", "exit 0"]);
        return args;
    }

    /// <summary>A minimal /etc: Lambda's sandbox user and group, a hostname, loopback-only hosts, no name servers.</summary>
    public static void WriteEtc(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Join(directory, "passwd"), $"root:x:0:0:root:/root:/sbin/nologin\nsbx_user1051:x:{Uid}:{Gid}::/tmp:/sbin/nologin\n");
        File.WriteAllText(Path.Join(directory, "group"), $"root:x:0:\nsbx_user1051:x:{Gid}:\n");
        File.WriteAllText(Path.Join(directory, "hostname"), "lambda\n");
        File.WriteAllText(Path.Join(directory, "hosts"), "127.0.0.1 localhost\n::1 localhost\n");
        File.WriteAllText(Path.Join(directory, "resolv.conf"), string.Empty);
        File.WriteAllText(Path.Join(directory, "nsswitch.conf"), "passwd: files\ngroup: files\nhosts: files\n");
    }

    /// <summary>
    /// Shared libraries (with the dynamic loader's paths as the host has them: merged /usr or not), time zones, and
    /// /bin/sh. No other program: a handler's Process.Start finds a shell and nothing to run with it.
    /// </summary>
    /// <returns>The host folders bound, as seen inside at the same paths.</returns>
    private static List<string> AddSystemFiles(List<string> args)
    {
        var bound = new List<string>();
        foreach (var name in new[] { "lib", "lib64", "lib32", "libx32" })
        {
            var usr = "/usr/" + name;
            if (Directory.Exists(usr) && new DirectoryInfo(usr).LinkTarget is null)
            {
                args.AddRange(["--ro-bind", usr, usr]);
                bound.Add(usr);
            }

            var top = "/" + name;
            if (new FileInfo(top).LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, top]);
            }
            else if (Directory.Exists(top))
            {
                args.AddRange(["--ro-bind", top, top]);
                bound.Add(top);
            }
        }

        const string zoneinfo = "/usr/share/zoneinfo";
        if (Directory.Exists(zoneinfo))
        {
            args.AddRange(["--ro-bind", zoneinfo, zoneinfo]);
            bound.Add(zoneinfo);
        }

        // /bin/sh is usually a link to dash; bind the program itself.
        args.AddRange(["--ro-bind", Path.GetFullPath(new FileInfo("/bin/sh").ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? "/bin/sh"), "/usr/bin/sh"]);
        args.AddRange(["--symlink", "usr/bin", "/bin"]);
        return bound;
    }

    private static void AddProcMasks(List<string> args)
    {
        foreach (var file in MaskedProcFiles.Where(f => File.Exists("/proc/" + f)))
        {
            args.AddRange(["--ro-bind", "/dev/null", "/proc/" + file]);
        }

        foreach (var directory in MaskedProcDirectories.Where(d => Directory.Exists("/proc/" + d)))
        {
            args.AddRange(["--tmpfs", "/proc/" + directory, "--remount-ro", "/proc/" + directory]);
        }
    }

    private static bool IsUnder(string path, string root) =>
        path.TrimEnd('/').StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
}
