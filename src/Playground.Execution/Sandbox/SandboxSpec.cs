namespace Playground.Execution.Sandbox;

/// <summary>What must be fixed when a sandbox starts: the size of its /tmp and its memory.</summary>
public readonly record struct SandboxSpec(int EphemeralStorageMb, int MemorySizeMb);
