namespace Playground.Execution.Freezing;

/// <summary>What a freezer acts on: the context's cgroup, or (without one) the tree of processes under the sandbox's first process.</summary>
public sealed record FreezeTarget(ContextCgroup? Cgroup, int RootProcessId);
