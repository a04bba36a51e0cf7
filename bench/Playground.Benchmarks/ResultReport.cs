using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Playground.Benchmarks;

/// <summary>Prints the figures as a Markdown table (for the README) and writes the same figures as JSON.</summary>
public static class ResultReport
{
    public static string Table(IEnumerable<Figure> figures)
    {
        var table = new StringBuilder();
        table.AppendLine("| figure | p50 | p90 | p99 | n | ratio |");
        table.AppendLine("|---|---|---|---|---|---|");
        foreach (var figure in figures)
        {
            string F(double value) => double.IsNaN(value) ? "-" : $"{value.ToString("0.###", CultureInfo.InvariantCulture)} {figure.Unit}";
            var ratio = figure.Ratio is { } r ? $"{r.ToString("0.00", CultureInfo.InvariantCulture)} x {figure.RatioTo}" : string.Empty;
            var name = figure.Note is null ? figure.Name : $"{figure.Name} ({figure.Note})";
            if (figure.Stats is { } s)
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(s.P50)} | {F(s.P90)} | {F(s.P99)} | {s.Count} | {ratio} |");
            }
            else
            {
                table.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {F(figure.Value ?? double.NaN)} | | | | {ratio} |");
            }
        }

        return table.ToString();
    }

    public static void WriteJson(string path, IEnumerable<Figure> figures, IDictionary<string, string> machine)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var document = new { machine, figures };
        File.WriteAllText(path, JsonSerializer.Serialize(document, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
    }
}
