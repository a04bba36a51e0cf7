namespace Playground.Data;

/// <summary>How much history is kept; past a limit the oldest rows go first.</summary>
public sealed class RetentionOptions
{
    public int InvocationsPerSession { get; set; } = 2_000;

    public int Invocations { get; set; } = 200_000;

    public int EventsPerSession { get; set; } = 20_000;

    public int Events { get; set; } = 1_000_000;

    /// <summary>How often the limits are enforced: between two runs a limit may be passed by what arrived meanwhile.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(10);
}
