namespace Playground.Execution.Functions;

/// <summary>
/// One deployed version of a function. Its recycle generator is seeded at deploy, so that the same seed and the same
/// sequence of invocations give the same cold/warm pattern.
/// </summary>
public sealed class FunctionVersion
{
    internal FunctionVersion(string sessionId, string functionName, int number, FunctionDeployment deployment, DateTimeOffset deployedAt)
    {
        SessionId = sessionId;
        FunctionName = functionName;
        Number = number;
        Deployment = deployment;
        DeployedAt = deployedAt;
        RecycleRandom = new Random(deployment.Configuration.ReuseSeed ?? Random.Shared.Next());
    }

    public string SessionId { get; }

    public string FunctionName { get; }

    public int Number { get; }

    public FunctionDeployment Deployment { get; }

    public FunctionConfiguration Configuration => Deployment.Configuration;

    public DateTimeOffset DeployedAt { get; }

    /// <summary>Drawn only under the pool's lock.</summary>
    internal Random RecycleRandom { get; }

    /// <summary>True when the deployment would change nothing: same code, same configuration.</summary>
    internal bool IsSameAs(FunctionDeployment other) =>
        Deployment.CodeHash == other.CodeHash
        && Configuration with { Environment = EmptyEnvironment } == other.Configuration with { Environment = EmptyEnvironment }
        && Configuration.Environment.Count == other.Configuration.Environment.Count
        && !Configuration.Environment.Except(other.Configuration.Environment).Any();

    private static readonly IReadOnlyDictionary<string, string> EmptyEnvironment = new Dictionary<string, string>();
}
