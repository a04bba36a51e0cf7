namespace Playground.Execution.Sandbox;

/// <summary>
/// The bubblewrap command line of an execution context: new user, pid, net, ipc, uts and cgroup namespaces; a root
/// made of read-only binds (/usr, the .NET runtime at /var/lang, the runtime at /var/runtime, a small /etc of our
/// own) and a private tmpfs /tmp of the context's ephemeral storage size; Lambda's user and environment.
/// Inside, a shell loop starts the runtime each time the host asks, and reports how each runtime process ended, so
/// a reset replaces the runtime process while the sandbox and its /tmp live on.
/// </summary>
internal static class SandboxLayout
{
    public const string SocketDirectory = "/run/playground";
    public const string SocketPath = SocketDirectory + "/runtime.sock";

    /// <summary>The supervisor prints this byte, "exit" and the status after each runtime process ends.</summary>
    public const string ExitMarker = "\u001eexit ";

    // Lambda's sandbox user (sbx_user1051) and group.
    private const string Uid = "993";
    private const string Gid = "990";

    // The host writes a line to ask for a runtime; "$@" is the runtime command. stderr joins stdout so the host
    // reads the runtime's native output and the exit reports in the order they happened.
    private const string Supervisor =
        "exec 2>&1; while read -r _; do \"$@\" </dev/null; printf '\\036exit %d\\n' $?; done";

    public static List<string> Arguments(RuntimeFiles files, string contextDirectory, string etcDirectory, long tmpBytes)
    {
        var version = Path.GetFileName(files.FrameworkDirectory.TrimEnd('/'));
        var args = new List<string>
        {
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
            "--uid", Uid,
            "--gid", Gid,
            "--hostname", "lambda",
            "--ro-bind", "/usr", "/usr",
        };

        foreach (var top in new[] { "bin", "sbin", "lib", "lib64", "lib32", "libx32" })
        {
            var host = "/" + top;
            var info = new FileInfo(host);
            if (info.LinkTarget is { } target)
            {
                args.AddRange(["--symlink", target, host]);
            }
            else if (Directory.Exists(host))
            {
                args.AddRange(["--ro-bind", host, host]);
            }
        }

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
            "--dev", "/dev",
            "--size", tmpBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--tmpfs", "/tmp",
            "--chdir", "/var/task",
            "--clearenv",
        ]);

        foreach (var (name, value) in Environment())
        {
            args.AddRange(["--setenv", name, value]);
        }

        args.AddRange(["--", "/bin/sh", "-c", Supervisor, "supervisor", "/var/lang/dotnet", "/var/runtime/" + files.RuntimeAssemblyName]);
        return args;
    }

    /// <summary>The variables every runtime process starts with; the function's own (AWS_LAMBDA_*) come with Load.</summary>
    private static IEnumerable<(string, string)> Environment() =>
    [
        ("PATH", "/var/lang/bin:/usr/local/bin:/usr/bin:/bin"),
        ("LANG", "en_US.UTF-8"),
        ("TZ", ":UTC"),
        ("LAMBDA_TASK_ROOT", "/var/task"),
        ("LAMBDA_RUNTIME_DIR", "/var/runtime"),
        ("DOTNET_ROOT", "/var/lang"),
        ("DOTNET_NOLOGO", "1"),
        ("DOTNET_CLI_TELEMETRY_OPTOUT", "1"),
        // No diagnostics IPC socket: it would appear in the function's /tmp and count against its quota.
        ("DOTNET_EnableDiagnostics", "0"),
        ("DOTNET_TieredPGO", "0"),
        (Runtime.Protocol.RuntimeEnvironment.SocketVariable, SocketPath),
    ];

    /// <summary>A minimal /etc: Lambda's sandbox user and group, a hostname, loopback-only hosts.</summary>
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
}
