namespace Playground.Execution.Events;

/// <summary>What happened to an execution context.</summary>
public enum LifecycleEventType
{
    ContextCreated,
    InitStarted,
    InitCompleted,
    InitFailed,
    InvokeStarted,
    InvokeCompleted,
    InvokeFailed,
    InvokeTimedOut,
    Frozen,
    Thawed,
    Log,
    TmpUsage,
    Reclaimed,
    Crashed,
    Gone,
}
