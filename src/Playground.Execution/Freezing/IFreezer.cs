namespace Playground.Execution.Freezing;

/// <summary>
/// Stops every process of an execution context and lets it go on later, the way Lambda freezes an environment
/// between invocations. Three real implementations, chosen at start-up by what the host allows.
/// </summary>
public interface IFreezer
{
    /// <summary>Name reported by /healthz: <c>cgroup2</c>, <c>cgroup1</c> or <c>signals</c>.</summary>
    string Name { get; }

    /// <summary>The cgroup version the contexts need for this freezer, or None.</summary>
    CgroupVersion CgroupVersion { get; }

    /// <summary>Called once at start-up, before any context exists.</summary>
    void Prepare(CgroupLayout? layout);

    void Freeze(FreezeTarget target);

    void Thaw(FreezeTarget target);
}
