namespace Playground.Data.Invocations;

/// <summary>One page of one session's history, newest first.</summary>
/// <param name="Before">The paging cursor: only invocations older than the one with this id.</param>
public sealed record InvocationQuery(string SessionId, int Limit)
{
    public string? FunctionName { get; init; }

    public string? Status { get; init; }

    public bool? Cold { get; init; }

    public long? Before { get; init; }
}
