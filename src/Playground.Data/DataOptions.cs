namespace Playground.Data;

/// <summary>Settings of the database and the history kept in it (section "Data" of appsettings.json).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>The SQLite file; a relative path is taken from the app's content root. Created on first run.</summary>
    public string DatabasePath { get; set; } = "data/playground.db";

    /// <summary>False keeps no invocations and no lifecycle events (sessions and snippets still are): to measure what the history costs.</summary>
    public bool KeepHistory { get; set; } = true;

    /// <summary>The longest a finished invocation or event waits in memory before it is written.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Records written in one transaction at most; a fuller queue is written in several.</summary>
    public int MaxBatchSize { get; set; } = 1000;

    public int MaxRequestBytes { get; set; } = 64 * 1024;

    public int MaxResponseBytes { get; set; } = 64 * 1024;

    public int MaxLogBytes { get; set; } = 64 * 1024;

    /// <summary>Of one lifecycle event's text (a log line, a crash).</summary>
    public int MaxEventTextBytes { get; set; } = 4 * 1024;

    public RetentionOptions Retention { get; set; } = new();
}
