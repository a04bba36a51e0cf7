using System.Text.RegularExpressions;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Compatibility;

[Collection(ServerCollection.Name)]
public sealed partial class ReadmeExampleTests
{
    [Fact]
    public async Task The_curl_example_in_the_README_runs_as_written()
    {
        var readme = await File.ReadAllTextAsync(RepositoryFiles.PathOf("README.md"));
        var section = readme[readme.IndexOf("## Invoke with curl", StringComparison.Ordinal)..];
        var script = ShellBlock().Match(section).Groups["script"].Value;
        Assert.Contains("PLAYGROUND=http://127.0.0.1:5000", script);
        await using var server = await ServerProcess.StartAsync();

        // Only the address changes: the server of this test listens on a port of its own.
        var (exitCode, output) = await ExternalCommand.RunAsync(
            "bash", ["-c", script.Replace("PLAYGROUND=http://127.0.0.1:5000", $"PLAYGROUND={server.Address.ToString().TrimEnd('/')}")],
            RepositoryFiles.Root, new Dictionary<string, string>(), TimeSpan.FromMinutes(1));

        Assert.True(exitCode == 0, output);
        Assert.Contains("\"version\":1", output);
        Assert.Contains("{\"invocations\":1}", output);
        Assert.Contains("{\"invocations\":2}", output);
        Assert.Matches(@"(?m)^START RequestId: [0-9a-f-]{36} Version: 1$", output);
        Assert.Contains("invocation 3", output);
        Assert.Matches(@"(?m)^REPORT RequestId: ", output);
        Assert.Contains("\"reclaimed\":1", output);
        Assert.Matches(@"(?m)^202$", output);
        Assert.Matches(@"(?m)^204$", output);
    }

    [GeneratedRegex("```sh\\n(?<script>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
