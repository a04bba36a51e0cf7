namespace Playground.Benchmarks;

/// <summary>Percentiles of a set of samples (nearest rank).</summary>
public sealed record Statistics(double P50, double P90, double P99, int Count)
{
    public static Statistics Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
        {
            return new Statistics(double.NaN, double.NaN, double.NaN, 0);
        }

        var sorted = samples.Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Statistics(At(0.50), At(0.90), At(0.99), sorted.Length);
    }
}
