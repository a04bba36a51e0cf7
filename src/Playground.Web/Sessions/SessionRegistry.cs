using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Playground.Web.Sessions;

/// <summary>
/// The sessions this server knows. A session id the server issued is 128 random bits; a session named by an AWS
/// access key id is created under that name at its first request, so an unmodified SDK keeps one session.
/// </summary>
public sealed class SessionRegistry(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSeen = new(StringComparer.Ordinal);

    public bool IsKnown(string id) => lastSeen.ContainsKey(id);

    /// <summary>Issues a new, unguessable session id.</summary>
    public string Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        lastSeen[id] = time.GetUtcNow();
        return id;
    }

    /// <summary>Marks the session as active (creating it under that name when it is new).</summary>
    public void Touch(string id) => lastSeen[id] = time.GetUtcNow();
}
