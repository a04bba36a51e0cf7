namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>Browser tests share one server and one browser, and run one after another (two cores).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<PlaygroundBrowser>
{
    public const string Name = "browser";
}
