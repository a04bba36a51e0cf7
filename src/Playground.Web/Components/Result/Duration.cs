using System.Globalization;

namespace Playground.Web.Components.Result;

/// <summary>Milliseconds as people read them: 0.42 ms, 12.3 ms, 1.25 s, 2 min 5 s.</summary>
public static class Duration
{
    public static string Format(double milliseconds) => milliseconds switch
    {
        < 1 => milliseconds.ToString("0.00", CultureInfo.InvariantCulture) + " ms",
        < 100 => milliseconds.ToString("0.0", CultureInfo.InvariantCulture) + " ms",
        < 1000 => milliseconds.ToString("0", CultureInfo.InvariantCulture) + " ms",
        < 60_000 => (milliseconds / 1000).ToString("0.00", CultureInfo.InvariantCulture) + " s",
        < 3_600_000 => $"{(int)(milliseconds / 60_000)} min {(int)(milliseconds / 1000 % 60)} s",
        _ => $"{(int)(milliseconds / 3_600_000)} h {(int)(milliseconds / 60_000 % 60)} min",
    };
}
