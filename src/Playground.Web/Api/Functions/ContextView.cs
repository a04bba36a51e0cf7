using Playground.Execution.Contexts;

namespace Playground.Web.Api.Functions;

/// <summary>An execution context as <c>GET /api/functions/{name}/contexts</c> returns it.</summary>
public sealed record ContextView(
    string Id,
    string State,
    int Version,
    int Invocations,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastUsedAt,
    bool Frozen,
    DateTimeOffset? FrozenSince,
    long TmpBytesUsed,
    long TmpBytesQuota,
    int MaxMemoryUsedMb,
    int Resets)
{
    public static ContextView From(ContextSnapshot snapshot) => new(
        snapshot.Id,
        snapshot.State.ToString(),
        snapshot.Version,
        snapshot.Invocations,
        snapshot.CreatedAt,
        snapshot.LastUsedAt,
        snapshot.Frozen,
        snapshot.FrozenSince,
        snapshot.TmpBytesUsed,
        snapshot.TmpBytesQuota,
        snapshot.MaxMemoryUsedMb,
        snapshot.Resets);
}
