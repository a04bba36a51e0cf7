namespace Playground.Execution.Invocations;

/// <summary>One invocation as a caller asks for it: the event and what Lambda passes along with it.</summary>
public sealed record InvocationRequest(byte[] Payload)
{
    public string? ClientContextJson { get; init; }

    public string? CognitoIdentityId { get; init; }

    public string? CognitoIdentityPoolId { get; init; }

    public string? TraceId { get; init; }

    /// <summary><c>$LATEST</c> (the default) or a version number.</summary>
    public string? Qualifier { get; init; }
}
