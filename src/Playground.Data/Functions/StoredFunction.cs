namespace Playground.Data.Functions;

/// <summary>One deployed version of a function: the code and configuration that its invocations ran.</summary>
public sealed class StoredFunction
{
    public long Id { get; set; }

    public required string SessionId { get; set; }

    public required string Name { get; set; }

    public int Version { get; set; }

    public required string CodeHash { get; set; }

    public required string Code { get; set; }

    /// <summary>The configuration as the deploy API names it (<c>memorySize</c>, <c>timeout</c>, ...).</summary>
    public required string ConfigurationJson { get; set; }

    public DateTimeOffset DeployedAt { get; set; }
}
