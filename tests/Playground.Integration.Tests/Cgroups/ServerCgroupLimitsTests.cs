using Playground.Execution;
using Playground.Execution.Freezing;
using Playground.Execution.Limits;

namespace Playground.Integration.Tests.Cgroups;

/// <summary>The limits on all contexts together, written into the server's own cgroup (the parent of every context's).</summary>
public sealed class ServerCgroupLimitsTests : IDisposable
{
    private readonly FakeCgroupTree tree = new();

    [Fact]
    public void All_contexts_together_get_a_share_of_the_hosts_memory_and_tasks_in_v2()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.PureV2("/", "memory pids"));
        var limits = ServerCgroupLimits.For(new QuotaOptions.ServerQuotas(), hostMemoryBytes: 24L * 1024 * 1024 * 1024, hostMaxTasks: 32768);

        var applied = limits.ApplyTo(layout);

        Assert.Equal(["memory", "pids"], applied);
        Assert.Equal("20615843020", FakeCgroupTree.Read(layout.V2Directory!, "memory.max"));
        Assert.Equal("16384", FakeCgroupTree.Read(layout.V2Directory!, "pids.max"));
    }

    [Fact]
    public void In_v1_the_limits_go_into_the_servers_memory_and_pids_hierarchies()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.V1("memory", "pids"));
        var limits = ServerCgroupLimits.For(new QuotaOptions.ServerQuotas { MaxMemoryPercent = 50, MaxProcessesPercent = 10 }, 8L * 1024 * 1024 * 1024, 4_194_304);

        limits.ApplyTo(layout);

        Assert.Equal((4L * 1024 * 1024 * 1024).ToString(), FakeCgroupTree.Read(layout.V1Directories["memory"], "memory.limit_in_bytes"));
        Assert.Equal("419430", FakeCgroupTree.Read(layout.V1Directories["pids"], "pids.max"));
    }

    public void Dispose() => tree.Dispose();
}
