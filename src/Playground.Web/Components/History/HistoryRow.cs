namespace Playground.Web.Components.History;

/// <summary>One invocation in the history table: what a row shows, without its payload, response and log.</summary>
public sealed record HistoryRow(
    string RequestId,
    int Version,
    string? ContextId,
    bool Cold,
    string Status,
    string? ErrorType,
    DateTimeOffset StartedAt,
    double? InitDurationMs,
    double DurationMs,
    int MemorySizeMb,
    int MaxMemoryUsedMb);
