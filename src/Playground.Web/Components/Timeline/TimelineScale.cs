using System.Globalization;

namespace Playground.Web.Components.Timeline;

/// <summary>Maps moments to positions (percent of the track's width) between a start and an end, and picks round ticks.</summary>
public sealed class TimelineScale
{
    private static readonly TimeSpan[] Steps =
    [
        TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500),
        TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10),
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(1), TimeSpan.FromHours(2),
    ];

    /// <summary>
    /// A scale from <paramref name="start"/> that holds <paramref name="now"/> with some room, its end rounded up to a
    /// round step: while "now" moves within that room the scale stays, and only what is still going on grows.
    /// </summary>
    public static TimelineScale Around(DateTimeOffset start, DateTimeOffset now)
    {
        var length = (now - start) * 1.05 + TimeSpan.FromMilliseconds(200);
        var step = Steps.FirstOrDefault(s => length / s <= 20, Steps[^1]);
        var rounded = TimeSpan.FromTicks((long)Math.Ceiling(length / step) * step.Ticks);
        return new TimelineScale(start, start + rounded);
    }

    public TimelineScale(DateTimeOffset start, DateTimeOffset end)
    {
        Start = start;
        End = end > start ? end : start + TimeSpan.FromSeconds(1);
    }

    public DateTimeOffset Start { get; }

    public DateTimeOffset End { get; }

    public TimeSpan Length => End - Start;

    public double Percent(DateTimeOffset at) => Math.Clamp((at - Start) / Length * 100, 0, 100);

    public bool Contains(DateTimeOffset from, DateTimeOffset to) => to >= Start && from <= End;

    /// <summary>At most <paramref name="maxTicks"/> round moments, each with a label relative to the start.</summary>
    public IReadOnlyList<(double Percent, string Label)> Ticks(int maxTicks = 8)
    {
        var step = Steps.FirstOrDefault(s => Length / s <= maxTicks, Steps[^1]);
        var ticks = new List<(double, string)>();
        for (var offset = TimeSpan.Zero; offset <= Length; offset += step)
        {
            ticks.Add((Percent(Start + offset), Label(offset)));
        }

        return ticks;
    }

    private static string Label(TimeSpan offset) => offset switch
    {
        { TotalSeconds: < 1 } when offset > TimeSpan.Zero => offset.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        { TotalMinutes: < 1 } => offset.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s",
        { TotalHours: < 1 } => offset.Seconds == 0 ? $"{(int)offset.TotalMinutes} min" : $"{(int)offset.TotalMinutes} min {offset.Seconds} s",
        _ => $"{(int)offset.TotalHours} h {offset.Minutes} min",
    };
}
