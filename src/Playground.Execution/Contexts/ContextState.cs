namespace Playground.Execution.Contexts;

/// <summary>The states of an execution context. Idle means frozen (or, right after a reset, waiting for Init).</summary>
public enum ContextState
{
    Starting,
    Initializing,
    Idle,
    Busy,
    Resetting,
    ShuttingDown,
    Gone,
}
