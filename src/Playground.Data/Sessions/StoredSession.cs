namespace Playground.Data.Sessions;

/// <summary>A session as the database keeps it, so that its id stays valid across restarts until it expires.</summary>
public sealed class StoredSession
{
    public required string Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset LastSeenAt { get; set; }
}
