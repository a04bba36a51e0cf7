namespace Playground.Data.Snippets;

/// <summary>An immutable, shareable record of code, sample event and configuration (and an optional scenario).</summary>
public sealed class Snippet
{
    /// <summary>Short and derived from the content: the same content always has the same id.</summary>
    public required string Id { get; set; }

    /// <summary>SHA-256 of the canonical content, to tell a short-id collision from the same content posted again.</summary>
    public required string ContentHash { get; set; }

    public required string Code { get; set; }

    /// <summary>The sample event's JSON as it was posted.</summary>
    public required string EventJson { get; set; }

    public required string ConfigJson { get; set; }

    /// <summary>A JSON array of invocations with delays and concurrency, or null.</summary>
    public string? ScenarioJson { get; set; }

    /// <summary>The snippet this one was forked from: not part of the content, so not of the id.</summary>
    public string? ParentId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
