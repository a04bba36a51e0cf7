using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Freezing;
using Playground.Execution.Limits;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Finds out at start-up what the host allows: bubblewrap and user namespaces (by starting one real sandbox),
/// cgroup v2 and v1 hierarchies with their controllers, and which freezer works. The result is logged and reported
/// by /healthz; what had to be given up is a warning in both.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class IsolationProbe
{
    public static Isolation Detect(ExecutionOptions options, QuotaOptions quotas, string instance, ILogger logger)
    {
        var warnings = new List<string>();
        var bubblewrap = BubblewrapProbe.Detect(options, warnings);

        CgroupLayout? layout = null;
        try
        {
            layout = CgroupLayout.Detect(instance);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            warnings.Add($"cgroups could not be read: {exception.Message}");
        }

        ServerCgroupLimits? serverLimits = null;
        if (layout is not null)
        {
            var limits = ServerCgroupLimits.ForThisHost(quotas.Server);
            try
            {
                serverLimits = limits.ApplyTo(layout).Count > 0 ? limits : null;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                warnings.Add($"the limits on all contexts together (memory, processes) could not be set: {exception.Message}");
            }
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

        var unsandboxed = !bubblewrap.Works && options.AllowUnsandboxed;
        var isolation = new Isolation
        {
            Sandbox = bubblewrap.Works ? "bubblewrap" : unsandboxed ? Isolation.UnsandboxedName : "none",
            BubblewrapPath = bubblewrap.Path,
            BubblewrapVersion = bubblewrap.Version,
            UserNamespaces = bubblewrap.Works,
            HostUser = bubblewrap.HostUser,
            DisablesNestedUserNamespaces = bubblewrap.DisablesNestedUserNamespaces,
            Unsandboxed = unsandboxed,
            Freezer = freezer,
            Cgroups = layout,
            ServerMemoryLimitBytes = serverLimits?.MemoryBytes,
            ServerProcessLimit = serverLimits?.MaxProcesses,
            TmpQuota = bubblewrap.Works ? "tmpfs" : "none",
            Warnings = warnings,
        };

        foreach (var (controller, consequence) in MissingLimitConsequences)
        {
            if (!isolation.Controllers.ContainsKey(controller))
            {
                warnings.Add($"no writable {controller} controller (cgroup v1 or v2): {consequence}");
            }
        }

        if (unsandboxed)
        {
            warnings.Insert(0, "UNSANDBOXED DEVELOPMENT MODE (Execution:AllowUnsandboxed): handler code runs on the host, with no sandbox; never let anyone else reach this server.");
        }
        else if (!bubblewrap.Works)
        {
            warnings.Add("handler code is refused (deploy and invoke answer 503) until a sandbox can be made here; see the Dockerfile for what a host must allow.");
        }

        logger.LogInformation(
            "Isolation: sandbox {Sandbox} ({Version}, host user {HostUser}), freezer {Freezer}, limits {Limits}, cgroup v2 {V2}, cgroup v1 {V1}, /tmp quota {Tmp}",
            isolation.Sandbox, bubblewrap.Version ?? "-", bubblewrap.HostUser?.ToString() ?? "server's", freezer.Name,
            string.Join(",", isolation.Controllers.Select(pair => $"{pair.Key}={pair.Value}")), layout?.V2Directory ?? "-",
            layout is null ? "-" : string.Join(",", layout.V1Directories.Keys), isolation.TmpQuota);
        foreach (var warning in warnings)
        {
            if (unsandboxed)
            {
                logger.LogCritical("Isolation: {Warning}", warning);
            }
            else
            {
                logger.LogWarning("Isolation: {Warning}", warning);
            }
        }

        return isolation;
    }

    private static readonly (string Controller, string Consequence)[] MissingLimitConsequences =
    [
        ("memory", "a context's memory is bounded only by its GC heap limit, and memory the GC does not manage is not bounded at all."),
        ("pids", "a fork bomb in a context is stopped only by the host's own limits."),
        ("cpu", "contexts share the CPU without Lambda's memory-proportional quota."),
    ];

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
}
