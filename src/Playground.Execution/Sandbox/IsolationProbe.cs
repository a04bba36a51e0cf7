using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Freezing;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Finds out at start-up what the host allows: bubblewrap and user namespaces (by starting one real sandbox),
/// cgroup v2 and v1 hierarchies, and which freezer works. The result is logged and reported by /healthz.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class IsolationProbe
{
    public static Isolation Detect(ExecutionOptions options, string instance, ILogger logger)
    {
        var warnings = new List<string>();
        var bwrap = FindBubblewrap(options.BubblewrapPath);
        string? version = null;
        var userNamespaces = false;
        if (bwrap is null)
        {
            warnings.Add("bubblewrap (bwrap) was not found: install the Debian package 'bubblewrap'.");
        }
        else
        {
            version = Run(bwrap, ["--version"]).Output.Trim();
            var trial = Run(bwrap, ["--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "--size", "1048576", "--tmpfs", "/tmp", "true"]);
            userNamespaces = trial.ExitCode == 0;
            if (!userNamespaces)
            {
                warnings.Add($"bubblewrap could not create a sandbox (user, pid, net namespaces and a tmpfs): {trial.Output.Trim()}");
            }
        }

        CgroupLayout? layout = null;
        try
        {
            layout = CgroupLayout.Detect(instance);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"cgroups could not be read: {exception.Message}");
        }

        var freezer = ChooseFreezer(options.Freezer, layout, warnings);
        try
        {
            freezer.Prepare(layout);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"the {freezer.Name} freezer could not keep an anchor cgroup frozen; freezing will be slower: {exception.Message}");
        }

        var sandbox = userNamespaces ? "bubblewrap" : "none";
        var isolation = new Isolation
        {
            Sandbox = sandbox,
            BubblewrapPath = bwrap,
            BubblewrapVersion = version,
            UserNamespaces = userNamespaces,
            Freezer = freezer,
            Cgroups = layout,
            TmpQuota = userNamespaces ? "tmpfs" : "none",
            Warnings = warnings,
        };

        logger.LogInformation(
            "Isolation: sandbox {Sandbox} ({Version}), freezer {Freezer}, cgroup v2 {V2}, cgroup v1 {V1}, /tmp quota {Tmp}",
            sandbox, version ?? "-", freezer.Name, layout?.V2Directory ?? "-",
            layout is null ? "-" : string.Join(",", layout.V1Directories.Keys), isolation.TmpQuota);
        foreach (var warning in warnings)
        {
            logger.LogWarning("Isolation: {Warning}", warning);
        }

        return isolation;
    }

    private static IFreezer ChooseFreezer(string wanted, CgroupLayout? layout, List<string> warnings)
    {
        var v2 = layout?.V2Directory is not null;
        var v1 = layout?.V1Directories.ContainsKey("freezer") == true;
        switch (wanted.ToLowerInvariant())
        {
            case "cgroup2" when v2:
                return new CgroupV2Freezer();
            case "cgroup1" when v1:
                return new CgroupV1Freezer();
            case "signals":
                return new SignalFreezer();
            case "auto":
                break;
            default:
                warnings.Add($"freezer '{wanted}' is not available here; choosing one automatically.");
                break;
        }

        // A pure cgroup v2 host freezes with cgroup.freeze; a v1 or hybrid host with the v1 freezer when it has one,
        // since that is where its other controllers are.
        if (layout is { IsPureV2: true } && v2)
        {
            return new CgroupV2Freezer();
        }

        if (v1)
        {
            return new CgroupV1Freezer();
        }

        if (v2)
        {
            return new CgroupV2Freezer();
        }

        warnings.Add("no writable cgroup freezer: contexts are frozen with SIGSTOP/SIGCONT of each of their processes.");
        return new SignalFreezer();
    }

    private static string? FindBubblewrap(string? configured)
    {
        if (!string.IsNullOrEmpty(configured))
        {
            return File.Exists(configured) ? configured : null;
        }

        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            var candidate = Path.Join(directory, "bwrap");
            if (directory.Length > 0 && File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static (int ExitCode, string Output) Run(string file, string[] arguments)
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
