namespace Playground.Compilation;

/// <summary>The outcome of compiling one version of handler code.</summary>
/// <param name="Success">True when <paramref name="Assembly"/> holds loadable bytes.</param>
/// <param name="Hash">SHA-256 (lowercase hex) of the code and everything else that changes the output; the cache key.</param>
/// <param name="Assembly">The emitted assembly with its portable PDB embedded; null when the compile failed.</param>
/// <param name="EntryPoint">How to find the handler; null when the compile failed.</param>
/// <param name="Diagnostics">Errors and warnings in the user's code, sorted by position.</param>
/// <param name="Elapsed">How long the compile took (for a cached result: the original compile).</param>
/// <param name="FromCache">True when this call reused another call's compile.</param>
public sealed record CompileResult(
    bool Success,
    string Hash,
    byte[]? Assembly,
    HandlerEntryPoint? EntryPoint,
    IReadOnlyList<CompileDiagnostic> Diagnostics,
    TimeSpan Elapsed,
    bool FromCache)
{
    internal static CompileResult Failed(string hash, IReadOnlyList<CompileDiagnostic> diagnostics) =>
        new(false, hash, null, null, diagnostics, TimeSpan.Zero, false);

    internal static CompileResult Failed(string hash, CompileDiagnostic diagnostic) => Failed(hash, [diagnostic]);

    internal bool TimedOut => Diagnostics is [{ Id: PlaygroundDiagnostics.TimeoutId }];
}
