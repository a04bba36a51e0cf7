namespace Playground.Web.Live;

public enum MarkKind
{
    /// <summary>Output of the context between invocations (background work).</summary>
    Log,

    /// <summary>The runtime process was replaced after a timeout or crash; /tmp stays, Init runs again.</summary>
    Reset,
    Crash,
    Reclaim,
}
