using System.Runtime.Versioning;
using Playground.Execution.Freezing;

namespace Playground.Execution.Sandbox;

/// <summary>What this host allows and what the server uses, found once at start-up and reported by /healthz.</summary>
[SupportedOSPlatform("linux")]
public sealed class Isolation
{
    public const string UnsandboxedName = "none (UNSANDBOXED DEVELOPMENT MODE)";

    /// <summary><c>bubblewrap</c>; <c>none</c> (handler code is refused); or <see cref="UnsandboxedName"/>.</summary>
    public required string Sandbox { get; init; }

    public required string? BubblewrapPath { get; init; }

    public required string? BubblewrapVersion { get; init; }

    public required bool UserNamespaces { get; init; }

    /// <summary>The unprivileged host user bubblewrap runs as; null where it runs as the server's user.</summary>
    public required HostUser? HostUser { get; init; }

    /// <summary>Handler code cannot create user namespaces of its own (bubblewrap's --disable-userns).</summary>
    public required bool DisablesNestedUserNamespaces { get; init; }

    /// <summary>No sandbox could be made and the configuration runs handler code without one.</summary>
    public required bool Unsandboxed { get; init; }

    public required IFreezer Freezer { get; init; }

    public required CgroupLayout? Cgroups { get; init; }

    /// <summary>The memory all contexts together may hold (the kernel's limit on the server's cgroup); null where there is none.</summary>
    public long? ServerMemoryLimitBytes { get; init; }

    /// <summary>The processes and threads all contexts together may run; null where there is no such limit.</summary>
    public int? ServerProcessLimit { get; init; }

    /// <summary>How /tmp is limited: <c>tmpfs</c> (a size-limited tmpfs per context) or <c>none</c>.</summary>
    public required string TmpQuota { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }

    public bool IsSandboxed => Sandbox == "bubblewrap";

    public bool CanRunHandlers => IsSandboxed || Unsandboxed;

    /// <summary>Where each resource limit of a context lives, e.g. memory -> cgroup1; a missing key is a limit the host does not give.</summary>
    public IReadOnlyDictionary<string, string> Controllers
    {
        get
        {
            var result = new Dictionary<string, string>();
            foreach (var controller in new[] { "memory", "pids", "cpu" })
            {
                if (Cgroups?.V1Directories.ContainsKey(controller) == true)
                {
                    result[controller] = "cgroup1";
                }
                else if (Cgroups?.V2Controllers.Contains(controller) == true)
                {
                    result[controller] = "cgroup2";
                }
            }

            return result;
        }
    }
}
