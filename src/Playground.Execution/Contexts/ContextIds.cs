using System.Security.Cryptography;

namespace Playground.Execution.Contexts;

/// <summary>Short random ids for execution contexts: readable on a card, unguessable enough to name a folder and a cgroup.</summary>
internal static class ContextIds
{
    public static string New() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
}
