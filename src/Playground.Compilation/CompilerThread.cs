namespace Playground.Compilation;

/// <summary>
/// Runs Roslyn on a fresh thread with a large stack. Parts of Roslyn's parser recurse without a stack guard (its
/// speculative tuple-type scan overflows an 8 MB stack on 30,000 nested parentheses), and a stack overflow ends the
/// whole process, not just one user's compile. The stack is only reserved address space until it is touched, and a
/// fresh thread gives back whatever a pathological compile touched when it exits.
/// </summary>
internal static class CompilerThread
{
    // 64 KB of code nests at most ~65,000 levels deep; Roslyn's unguarded recursion uses ~300 bytes per level, and its
    // guarded recursion turns the rest into error CS8078 ("An expression is too long or complex to compile").
    private const int StackBytes = 256 * 1024 * 1024;

    public static Task<T> Run<T>(Func<T> work)
    {
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(
            () =>
            {
                try
                {
                    completion.SetResult(work());
                }
                catch (Exception exception)
                {
                    completion.SetException(exception);
                }
            },
            StackBytes)
        {
            IsBackground = true,
            Name = "Handler compile",
        };
        thread.Start();
        return completion.Task;
    }
}
