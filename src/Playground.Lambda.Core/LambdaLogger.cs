namespace Amazon.Lambda.Core;

/// <summary>
/// The static logger of Amazon.Lambda.Core. The runtime points it at the current invocation's log; until then
/// (and outside a runtime) it writes to the console.
/// </summary>
public static class LambdaLogger
{
    private static Action<string> sink = Console.Write;

    public static void Log(string message) => sink(message);

    /// <summary>Used by the runtime at start-up; not part of Amazon.Lambda.Core's surface.</summary>
    internal static void RedirectTo(Action<string> destination) => sink = destination;
}
