namespace Playground.Integration.Tests.Infrastructure;

/// <summary>
/// Tests that share one server. They run one after another: on two cores, invocations timed by seconds (timeouts,
/// one-second handlers, frozen spans) must not compete with other tests for the CPU.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<PlaygroundServer>
{
    public const string Name = "server";
}
