using System.Diagnostics;
using System.Runtime.Versioning;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Finds bubblewrap and starts a sandbox with the options every execution context uses, to learn what this host
/// allows: user namespaces at all, running bubblewrap as an unprivileged host user, forbidding nested user
/// namespaces (bubblewrap 0.8+). Each is tried from the strongest down; what had to be given up becomes a warning.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class BubblewrapProbe
{
    public const string Setpriv = "/usr/bin/setpriv";

    /// <summary>What the host allows; <see cref="Path"/> is null where bubblewrap is missing, <see cref="Works"/> false where it cannot sandbox.</summary>
    public sealed record Result(string? Path, string? Version, bool Works, HostUser? HostUser, bool DisablesNestedUserNamespaces);

    public static Result Detect(ExecutionOptions options, List<string> warnings)
    {
        var bwrap = Find(options.BubblewrapPath);
        if (bwrap is null)
        {
            warnings.Add("bubblewrap (bwrap) was not found: install the Debian package 'bubblewrap'.");
            return new Result(null, null, false, null, false);
        }

        var version = Run(bwrap, ["--version"]).Output.Trim();
        HostUser? configured = null;
        if (Environment.IsPrivilegedProcess)
        {
            configured = HostUser.Parse(options.SandboxUser);
        }

        string? firstFailure = null;
        HostUser?[] users = configured is null ? [null] : [configured, null];
        foreach (var user in users)
        {
            foreach (var disableNested in new[] { true, false })
            {
                var trial = Run(Setpriv, Command(bwrap, user, SandboxLayout.ProbeArguments(disableNested)));
                if (trial.ExitCode != 0)
                {
                    firstFailure ??= trial.Output.Trim();
                    continue;
                }

                if (!disableNested)
                {
                    warnings.Add($"{version} cannot forbid nested user namespaces (--disable-userns needs bubblewrap 0.8 or later): handler code can create them.");
                }

                if (configured is not null && user is null)
                {
                    warnings.Add($"bubblewrap could not run as host user {configured} ({firstFailure}); sandboxes run as the server's user (root).");
                }

                return new Result(bwrap, version, true, user, disableNested);
            }
        }

        warnings.Add($"bubblewrap could not create a sandbox (user, pid, net namespaces, a read-only root, a tmpfs): {firstFailure}");
        return new Result(bwrap, version, false, null, false);
    }

    /// <summary>The arguments of setpriv that run bubblewrap, as <paramref name="user"/> when there is one.</summary>
    public static List<string> Command(string bwrap, HostUser? user, IEnumerable<string> bwrapArguments)
    {
        var command = new List<string>();
        if (user is not null)
        {
            command.AddRange([$"--reuid={user.Uid}", $"--regid={user.Gid}", "--clear-groups"]);
        }

        command.Add(bwrap);
        command.AddRange(bwrapArguments);
        return command;
    }

    private static string? Find(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            var candidate = System.IO.Path.Join(directory, "bwrap");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(10_000))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "timed out");
            }

            return (process.ExitCode, output.Result + error.Result);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or IOException)
        {
            return (-1, exception.Message);
        }
    }
}
