using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>
/// A host where no sandbox can be made (here: bubblewrap is not where the configuration says): handler code is
/// refused with a 503, unless the configuration asks for the unsandboxed development mode, which /healthz then
/// announces in every way it can.
/// </summary>
public sealed class UnsandboxedModeTests
{
    private const string MissingBubblewrap = "/nonexistent/bwrap";

    [Fact]
    public async Task Without_a_sandbox_deploy_and_invoke_answer_503_and_healthz_says_degraded_with_the_reason()
    {
        await using var server = PlaygroundServer.With(new() { ["Execution:BubblewrapPath"] = MissingBubblewrap });
        using var client = await server.NewSessionAsync();

        using var deploy = await client.PutFunctionAsync("refused", "object Handler() => 1;");
        var invoke = await client.InvokeAsync("refused");
        var health = JsonNode.Parse(await client.Http.GetStringAsync("/healthz"))!;
        var warnings = health["isolation"]!["warnings"]!.AsArray().Select(w => (string)w!).ToList();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, deploy.StatusCode);
        Assert.Contains("No sandbox can be made on this host", await deploy.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, invoke.Status);
        Assert.Equal("Service", (string)invoke.Json["Type"]!);
        Assert.Equal("degraded", (string)health["status"]!);
        Assert.Equal("none", (string)health["isolation"]!["sandbox"]!);
        Assert.Contains(warnings, w => w.StartsWith("bubblewrap (bwrap) was not found", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("handler code is refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_unsandboxed_development_mode_runs_handlers_and_says_so_loudly_in_healthz()
    {
        await using var server = PlaygroundServer.With(new()
        {
            ["Execution:BubblewrapPath"] = MissingBubblewrap,
            ["Execution:AllowUnsandboxed"] = "true",
        });
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("bare", "object Handler() => Environment.GetEnvironmentVariable(\"AWS_LAMBDA_FUNCTION_NAME\");");

        var invocation = await client.InvokeAsync("bare");
        var health = JsonNode.Parse(await client.Http.GetStringAsync("/healthz"))!;

        Assert.Equal(HttpStatusCode.OK, invocation.Status);
        Assert.Equal("\"bare\"", invocation.Body);
        Assert.Equal("unsandboxed", (string)health["status"]!);
        Assert.Equal("none (UNSANDBOXED DEVELOPMENT MODE)", (string)health["isolation"]!["sandbox"]!);
        Assert.True((bool)health["isolation"]!["unsandboxed"]!);
        Assert.StartsWith("UNSANDBOXED DEVELOPMENT MODE", (string)health["isolation"]!["warnings"]![0]!);
        Assert.Equal("none", (string)health["isolation"]!["tmpQuota"]!);
    }
}
