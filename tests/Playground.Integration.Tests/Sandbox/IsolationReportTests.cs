using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>What /healthz says about the sandbox the suite attacks: what the host allowed, and that nothing had to be given up.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed class IsolationReportTests(AttackedServer attacked)
{
    [Fact]
    public async Task Healthz_reports_bubblewrap_as_an_unprivileged_host_user_without_nested_user_namespaces_and_every_limit_per_context_and_overall()
    {
        var health = JsonNode.Parse(await attacked.Bystander.Http.GetStringAsync("/healthz"))!;
        var isolation = health["isolation"]!;

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Equal("bubblewrap", (string)isolation["sandbox"]!);
        Assert.False((bool)isolation["unsandboxed"]!);
        Assert.Equal("tmpfs", (string)isolation["tmpQuota"]!);
        Assert.False((bool)isolation["nestedUserNamespaces"]!);
        if (Environment.IsPrivilegedProcess)
        {
            Assert.Equal("65534:65534", (string)isolation["hostUser"]!);
        }

        Assert.Equal(["cpu", "memory", "pids"], isolation["controllers"]!.AsObject().Select(pair => pair.Key).Order());
        Assert.True((long)isolation["allContexts"]!["memoryMb"]! > 0);
        Assert.True((int)isolation["allContexts"]!["processes"]! >= 1024);
        Assert.Empty(isolation["warnings"]!.AsArray());
        Assert.Equal(20, (int)health["quotas"]!["session"]!["maxContexts"]!);
    }
}
