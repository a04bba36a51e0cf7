using System.Text;

namespace Playground.Compilation;

/// <summary>
/// Compiles handler code into assembly bytes for the sandboxed runtime, with the guards that keep one user's code
/// from hurting everyone else's: a size limit, a time limit, a bound on concurrent compiles and a content-hash cache.
/// Thread-safe; one instance per process.
/// </summary>
public sealed class HandlerCompiler
{
    private readonly int maxCodeBytes;
    private readonly TimeSpan compileTimeout;
    private readonly TimeProvider timeProvider;
    private readonly CompileCache cache;
    private readonly SemaphoreSlim compileSlots;

    public HandlerCompiler(CompilerOptions options, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxCodeBytes, 1, nameof(options.MaxCodeBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.CacheEntries, 1, nameof(options.CacheEntries));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrentCompiles, 1, nameof(options.MaxConcurrentCompiles));
        if (options.CompileTimeout <= TimeSpan.Zero && options.CompileTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options.CompileTimeout), options.CompileTimeout, "The compile timeout must be positive.");
        }

        maxCodeBytes = options.MaxCodeBytes;
        compileTimeout = options.CompileTimeout;
        this.timeProvider = timeProvider;
        cache = new CompileCache(options.CacheEntries);
        compileSlots = new SemaphoreSlim(options.MaxConcurrentCompiles, options.MaxConcurrentCompiles);
    }

    /// <summary>
    /// Compiles <paramref name="code"/>, or returns the earlier result for identical code. Problems with the code
    /// (including the size and time limits) come back as a failed result with diagnostics; nothing is thrown for them.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<CompileResult> CompileAsync(string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);
        cancellationToken.ThrowIfCancellationRequested();

        var started = timeProvider.GetTimestamp();
        var hash = CompileHash.Compute(code);
        if (Refuse(code) is { } refusal)
        {
            return CompileResult.Failed(hash, refusal) with { Elapsed = timeProvider.GetElapsedTime(started) };
        }

        // The compile itself ignores the caller's token: other callers may be waiting for the same compile, and a
        // finished result is cached for the retry that usually follows. The caller stops waiting all the same.
        var compile = cache.GetOrAdd(hash, () => CompileInSlotAsync(code, hash), out var shared);
        var result = await compile.WaitAsync(cancellationToken).ConfigureAwait(false);
        return shared ? result with { FromCache = true } : result;
    }

    /// <summary>
    /// Compiles and emits a small script and a small class once, so that the first user does not wait the second or
    /// so it takes Roslyn to load, read the reference set and JIT itself. Results are not cached.
    /// </summary>
    /// <exception cref="InvalidOperationException">A sample failed to compile: the reference set is broken.</exception>
    public async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        foreach (var code in WarmUpHandlers.All)
        {
            var result = await CompilerThread.Run(
                () => HandlerEmitter.Compile(code, CompileHash.Compute(code), cancellationToken)).ConfigureAwait(false);
            if (!result.Success)
            {
                throw new InvalidOperationException(
                    "A warm-up handler did not compile: " + string.Join("; ", result.Diagnostics.Select(d => $"{d.Id} {d.Message}")));
            }
        }
    }

    private CompileDiagnostic? Refuse(string code)
    {
        var bytes = Encoding.UTF8.GetByteCount(code);
        if (bytes > maxCodeBytes)
        {
            return PlaygroundDiagnostics.TooLarge(bytes, maxCodeBytes);
        }

        return string.IsNullOrWhiteSpace(code) ? PlaygroundDiagnostics.NoHandler() : null;
    }

    private async Task<CompileResult> CompileInSlotAsync(string code, string hash)
    {
        await compileSlots.WaitAsync().ConfigureAwait(false);

        // The limit starts once a slot is free: waiting behind other people's compiles is not this code's fault.
        var timeout = new CancellationTokenSource(compileTimeout, timeProvider);
        var token = timeout.Token;
        var started = timeProvider.GetTimestamp();
        Task<CompileResult> compile;
        try
        {
            compile = CompilerThread.Run(() => HandlerEmitter.Compile(code, hash, token));
        }
        catch
        {
            timeout.Dispose();
            compileSlots.Release();
            throw;
        }

        // The slot is freed when Roslyn really stops, not when the caller stops waiting: Roslyn notices the token only
        // between steps, and a compile that outlived its caller still uses the CPU the slots are there to bound.
        _ = compile.ContinueWith(
            _ =>
            {
                timeout.Dispose();
                compileSlots.Release();
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);

        try
        {
            var result = await compile.WaitAsync(token).ConfigureAwait(false);
            var elapsed = timeProvider.GetElapsedTime(started);

            // The timer may fire late on a busy machine: a compile that finished after the limit exceeded it all the
            // same, and the answer should not depend on luck.
            return elapsed > compileTimeout && compileTimeout != Timeout.InfiniteTimeSpan
                ? TimedOut(hash, elapsed)
                : result with { Elapsed = elapsed };
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return TimedOut(hash, timeProvider.GetElapsedTime(started));
        }
    }

    private CompileResult TimedOut(string hash, TimeSpan elapsed) =>
        CompileResult.Failed(hash, PlaygroundDiagnostics.Timeout(compileTimeout)) with { Elapsed = elapsed };
}
