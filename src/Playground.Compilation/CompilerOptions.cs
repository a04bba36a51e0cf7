namespace Playground.Compilation;

/// <summary>Limits of the handler compiler; bound from the "Compilation" configuration section.</summary>
public sealed class CompilerOptions
{
    /// <summary>Largest accepted handler code, in UTF-8 bytes.</summary>
    public int MaxCodeBytes { get; set; } = 64 * 1024;

    /// <summary>A compile running longer than this is stopped and reported as PG0004.</summary>
    public TimeSpan CompileTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many compile results (by content hash) are kept; the least recently used go first.</summary>
    public int CacheEntries { get; set; } = 256;

    /// <summary>Compiles running at once; Roslyn is CPU-bound, so more than the cores only adds latency.</summary>
    public int MaxConcurrentCompiles { get; set; } = 2;
}
