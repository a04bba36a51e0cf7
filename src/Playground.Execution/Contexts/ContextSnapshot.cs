namespace Playground.Execution.Contexts;

/// <summary>An execution context as the contexts API shows it.</summary>
public sealed record ContextSnapshot(
    string Id,
    ContextState State,
    int Version,
    int Invocations,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    bool Frozen,
    DateTimeOffset? FrozenSince,
    long TmpBytesUsed,
    long TmpBytesQuota,
    int MaxMemoryUsedMb,
    int Resets);
