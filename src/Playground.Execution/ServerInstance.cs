using System.Security.Cryptography;

namespace Playground.Execution;

/// <summary>
/// Names what one execution engine creates on the host (its run folder, its cgroups): <c>playground-&lt;pid&gt;-&lt;random&gt;</c>.
/// The pid lets a later server remove what a dead one left; the random part keeps two engines of one process apart.
/// </summary>
internal static class ServerInstance
{
    private const string Prefix = "playground-";

    public static string NewName() => $"{Prefix}{Environment.ProcessId}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";

    /// <summary>The pid of the process that created a name of this form, or null for any other name.</summary>
    public static int? OwnerOf(string name)
    {
        if (!name.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = name.AsSpan(Prefix.Length);
        var dash = rest.IndexOf('-');
        return int.TryParse(dash < 0 ? rest : rest[..dash], out var pid) ? pid : null;
    }
}
