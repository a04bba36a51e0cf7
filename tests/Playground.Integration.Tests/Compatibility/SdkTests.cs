using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Compatibility;

[Collection(ServerCollection.Name)]
public sealed class SdkTests
{
    /// <summary>
    /// tests/sdk/invoke.test.mjs drives a real server through @aws-sdk/client-lambda: Tail logs, FunctionError,
    /// TooManyRequestsException, Event, DryRun, qualifiers, client context and Lambda's error shapes.
    /// </summary>
    [Fact]
    public async Task The_official_AWS_SDK_for_JavaScript_invokes_functions_as_it_invokes_Lambda()
    {
        var sdk = RepositoryFiles.PathOf("tests", "sdk");
        Assert.True(
            Directory.Exists(Path.Join(sdk, "node_modules", "@aws-sdk", "client-lambda")),
            "tests/sdk has no node_modules: run `npm ci` there (scripts/test does).");
        await using var server = await ServerProcess.StartAsync();

        var (exitCode, output) = await ExternalCommand.RunAsync(
            "node", ["--test", "--test-reporter=spec", "invoke.test.mjs"], sdk,
            new Dictionary<string, string> { ["PLAYGROUND_ENDPOINT"] = server.Address.ToString().TrimEnd('/') },
            TimeSpan.FromMinutes(3));

        Assert.True(exitCode == 0, output);
        Assert.Contains("pass 8", output);
    }
}
