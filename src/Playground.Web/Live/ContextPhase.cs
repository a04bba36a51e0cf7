namespace Playground.Web.Live;

/// <summary>What a context is doing, as the page tells it (the core's states, with Idle split into Frozen and waiting).</summary>
public enum ContextPhase
{
    Starting,
    Initializing,
    Busy,
    Frozen,

    /// <summary>Not frozen and not busy: after a timeout or crash the runtime restarted, and Init runs at the next invoke.</summary>
    Idle,
    Reclaimed,
    Gone,
}
