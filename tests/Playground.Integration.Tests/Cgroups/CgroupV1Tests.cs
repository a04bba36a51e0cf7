using Playground.Execution.Freezing;
using Playground.Execution.Limits;
using Playground.Execution.Sandbox;

namespace Playground.Integration.Tests.Cgroups;

/// <summary>The cgroup v1 files, read and written exactly (the rest of the suite runs them on this machine's real v1 hierarchies).</summary>
public sealed class CgroupV1Tests : IDisposable
{
    private readonly FakeCgroupTree tree = new();

    [Fact]
    public void A_context_gets_its_limits_in_the_v1_files_of_each_controller()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.V1("freezer", "memory", "pids", "cpu"));
        var cgroup = ContextCgroup.Create(layout, withV2: false, "context1")!;
        var memory = cgroup.DirectoryOf("memory")!;
        FakeCgroupTree.Write(memory, "memory.memsw.limit_in_bytes", "9223372036854771712");

        var applied = CgroupLimits.For(new SandboxSpec(EphemeralStorageMb: 1024, MemorySizeMb: 3538)).ApplyTo(cgroup);

        Assert.Equal(["memory", "pids", "cpu"], applied);
        Assert.Equal((4562L * 1024 * 1024).ToString(), FakeCgroupTree.Read(memory, "memory.limit_in_bytes"));
        Assert.Equal((4562L * 1024 * 1024).ToString(), FakeCgroupTree.Read(memory, "memory.memsw.limit_in_bytes"));
        Assert.Equal("1024", FakeCgroupTree.Read(cgroup.DirectoryOf("pids")!, "pids.max"));
        // 3,538 MB: two vCPUs.
        Assert.Equal("100000", FakeCgroupTree.Read(cgroup.DirectoryOf("cpu")!, "cpu.cfs_period_us"));
        Assert.Equal("200000", FakeCgroupTree.Read(cgroup.DirectoryOf("cpu")!, "cpu.cfs_quota_us"));
    }

    [Fact]
    public void The_counters_come_from_max_usage_total_shmem_and_the_oom_control_file()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.V1("memory"));
        var cgroup = ContextCgroup.Create(layout, withV2: false, "context1")!;
        var memory = cgroup.DirectoryOf("memory")!;
        FakeCgroupTree.Write(memory, "memory.max_usage_in_bytes", "268435456\n");
        FakeCgroupTree.Write(memory, "memory.stat", "cache 4096\nrss 1000\nshmem 7\ntotal_cache 4096\ntotal_shmem 67108864\n");
        FakeCgroupTree.Write(memory, "memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 2\n");

        var counters = CgroupMemoryCounters.Read(cgroup);

        Assert.Equal(new CgroupMemoryCounters(268435456, 67108864, 2), counters);
    }

    [Fact]
    public void Without_a_memory_controller_there_are_no_counters_and_no_memory_limit()
    {
        var layout = CgroupLayout.Detect(tree.Instance, tree.V1("freezer", "pids"));
        var cgroup = ContextCgroup.Create(layout, withV2: false, "context1")!;

        var applied = CgroupLimits.For(new SandboxSpec(512, 128)).ApplyTo(cgroup);

        Assert.Equal(["pids"], applied);
        Assert.Null(CgroupMemoryCounters.Read(cgroup));
        Assert.Equal(CgroupVersion.None, cgroup.VersionOf("memory"));
    }

    public void Dispose() => tree.Dispose();
}
