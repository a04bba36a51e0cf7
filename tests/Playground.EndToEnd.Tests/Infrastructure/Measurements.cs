using System.Globalization;
using System.Text;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>Figures measured in the browser during a test run, written next to the screenshots for the README.</summary>
public static class Measurements
{
    public static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

    public static double Percentile(IReadOnlyList<double> values, double fraction)
    {
        var sorted = values.Order().ToArray();
        var index = (int)Math.Ceiling(fraction * sorted.Length) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Length - 1)];
    }

    public static string Format(double milliseconds) => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms";

    public static void Write(string name, IEnumerable<(string Figure, string Value)> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"| figure | value |");
        text.AppendLine("|---|---|");
        foreach (var (figure, value) in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {figure} | {value} |");
        }

        File.WriteAllText(Path.Join(Screenshots.Directory, name), text.ToString());
    }
}
