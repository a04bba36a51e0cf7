using System.Globalization;

namespace Playground.Execution.Sandbox;

/// <summary>
/// The unprivileged host user bubblewrap runs as. Inside, the sandbox's user maps to it; a root-owned host file that
/// ever became visible would then be someone else's file inside, protected by its permissions, instead of the
/// sandbox user's own.
/// </summary>
public sealed record HostUser(int Uid, int Gid)
{
    /// <summary>Parses <c>uid:gid</c>; null for an empty setting.</summary>
    /// <exception cref="FormatException">The setting is not two numbers.</exception>
    public static HostUser? Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var parts = setting.Split(':');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var gid)
            || uid == 0)
        {
            throw new FormatException($"Execution:SandboxUser must be 'uid:gid' of an unprivileged user; got '{setting}'.");
        }

        return new HostUser(uid, gid);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Uid}:{Gid}");
}
