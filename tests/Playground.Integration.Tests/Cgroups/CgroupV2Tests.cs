using Playground.Execution.Freezing;
using Playground.Execution.Limits;
using Playground.Execution.Sandbox;

namespace Playground.Integration.Tests.Cgroups;

/// <summary>The cgroup v2 code paths (this machine has cgroup v1 controllers), against a fake cgroup tree.</summary>
public sealed class CgroupV2Tests : IDisposable
{
    private readonly FakeCgroupTree tree = new();

    [Fact]
    public void On_a_pure_v2_host_the_servers_cgroup_hands_memory_pids_and_cpu_down_to_its_contexts()
    {
        var host = tree.PureV2("/system.slice/playground.service", "cpuset cpu io memory pids");

        var layout = CgroupLayout.Detect(tree.Instance, host);

        Assert.True(layout.IsPureV2);
        Assert.Empty(layout.V1Directories);
        Assert.Equal(Path.Join(tree.Root, "unified", "system.slice", "playground.service", tree.Instance), layout.V2Directory);
        Assert.Equal(["memory", "pids", "cpu"], layout.V2Controllers);
        // The last write of each file: controllers are enabled one by one.
        Assert.Equal("+cpu", FakeCgroupTree.Read(layout.V2Directory!, "cgroup.subtree_control"));
        Assert.Equal("+cpu", FakeCgroupTree.Read(Path.GetDirectoryName(layout.V2Directory)!, "cgroup.subtree_control"));
    }

    [Fact]
    public void Only_the_controllers_the_host_makes_available_are_used()
    {
        var host = tree.PureV2("/", "memory");

        var layout = CgroupLayout.Detect(tree.Instance, host);

        Assert.Equal(["memory"], layout.V2Controllers);
    }

    [Fact]
    public void A_server_whose_cgroup_refuses_to_hand_controllers_down_moves_itself_into_a_leaf_before_trying_again()
    {
        var host = tree.PureV2("/playground.scope", "memory", serverInOwnCgroup: true);
        var own = Path.Join(tree.Root, "unified", "playground.scope");
        // A write that fails, as the kernel's does while the cgroup holds a process ("no internal processes").
        File.Delete(Path.Join(own, "cgroup.subtree_control"));
        Directory.CreateDirectory(Path.Join(own, "cgroup.subtree_control"));

        CgroupLayout.Detect(tree.Instance, host);

        Assert.Equal(Environment.ProcessId.ToString(), FakeCgroupTree.Read(Path.Join(own, CgroupV2Delegation.ServerLeaf), "cgroup.procs"));
    }

    [Fact]
    public void A_context_gets_memory_plus_tmp_as_memory_max_no_swap_1024_pids_and_a_cpu_quota_proportional_to_memory()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.PureV2("/", "cpu memory pids"));
        var cgroup = ContextCgroup.Create(layout, withV2: false, "context1")!;
        FakeCgroupTree.Write(cgroup.V2Directory!, "memory.swap.max", "max");

        var applied = CgroupLimits.For(new SandboxSpec(EphemeralStorageMb: 512, MemorySizeMb: 256)).ApplyTo(cgroup);

        Assert.Equal(["memory", "pids", "cpu"], applied);
        Assert.Equal(CgroupVersion.V2, cgroup.VersionOf("memory"));
        Assert.Equal((768L * 1024 * 1024).ToString(), FakeCgroupTree.Read(cgroup.V2Directory!, "memory.max"));
        Assert.Equal("0", FakeCgroupTree.Read(cgroup.V2Directory!, "memory.swap.max"));
        Assert.Equal("1024", FakeCgroupTree.Read(cgroup.V2Directory!, "pids.max"));
        // 256 MB of 1,769 MB per vCPU: 14.47% of each 100 ms period.
        Assert.Equal("14471 100000", FakeCgroupTree.Read(cgroup.V2Directory!, "cpu.max"));
    }

    [Fact]
    public void The_counters_give_the_peak_without_tmp_pages_and_the_oom_kills_from_memory_peak_stat_and_events()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.PureV2("/", "memory"));
        var cgroup = ContextCgroup.Create(layout, withV2: true, "context1")!;
        FakeCgroupTree.Write(cgroup.V2Directory!, "memory.peak", "660602880\n");
        FakeCgroupTree.Write(cgroup.V2Directory!, "memory.stat", "anon 104857600\nfile 4096\nshmem 536870912\nfile_mapped 0\n");
        FakeCgroupTree.Write(cgroup.V2Directory!, "memory.events", "low 0\nhigh 0\nmax 12\noom 1\noom_kill 1\noom_group_kill 0\n");

        var counters = CgroupMemoryCounters.Read(cgroup);

        Assert.Equal(new CgroupMemoryCounters(660602880, 536870912, 1), counters);
        Assert.Equal(660602880 - 536870912, counters!.Value.PeakWithoutTmpBytes);
        Assert.Equal(660602880, CgroupMemoryCounters.ReadPeak(cgroup));
    }

    [Fact]
    public void The_v2_freezer_writes_cgroup_freeze_of_the_context()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.PureV2("/", string.Empty));
        var cgroup = ContextCgroup.Create(layout, withV2: true, "context1")!;
        var freezer = new CgroupV2Freezer();

        freezer.Freeze(new FreezeTarget(cgroup, 0));
        var frozen = FakeCgroupTree.Read(cgroup.V2Directory!, "cgroup.freeze");
        freezer.Thaw(new FreezeTarget(cgroup, 0));

        Assert.Equal("1", frozen);
        Assert.Equal("0", FakeCgroupTree.Read(cgroup.V2Directory!, "cgroup.freeze"));
    }

    public void Dispose() => tree.Dispose();
}
