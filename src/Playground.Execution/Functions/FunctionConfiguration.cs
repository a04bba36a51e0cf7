using System.Text.RegularExpressions;

namespace Playground.Execution.Functions;

/// <summary>A function's settings, with Lambda's names, units (MB, seconds) and ranges.</summary>
public sealed partial record FunctionConfiguration
{
    public int MemorySize { get; init; } = 512;

    public int Timeout { get; init; } = 3;

    public int EphemeralStorageSize { get; init; } = 512;

    public int ReservedConcurrency { get; init; } = 10;

    public int KeepWarmSeconds { get; init; } = 300;

    /// <summary>Seeds the generator of <see cref="RecycleChance"/>; null draws a seed at each deploy.</summary>
    public int? ReuseSeed { get; init; }

    /// <summary>Chance (0..1) that the idle context which would serve an invoke is reclaimed first.</summary>
    public double RecycleChance { get; init; }

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Every setting out of range, each naming its field and the allowed range.</summary>
    public IReadOnlyList<ConfigurationError> Validate(FunctionLimits limits)
    {
        var errors = new List<ConfigurationError>();
        Range(errors, "memorySize", MemorySize, 128, 10_240, "MB");
        Range(errors, "timeout", Timeout, 1, 900, "seconds");
        Range(errors, "ephemeralStorageSize", EphemeralStorageSize, 512, 10_240, "MB");
        Range(errors, "reservedConcurrency", ReservedConcurrency, 0, limits.MaxReservedConcurrency, string.Empty);
        Range(errors, "keepWarmSeconds", KeepWarmSeconds, 1, limits.MaxKeepWarmSeconds, "seconds");
        if (double.IsNaN(RecycleChance) || RecycleChance < 0 || RecycleChance > 1)
        {
            errors.Add(new("recycleChance", $"recycleChance must be between 0 and 1; got {RecycleChance}."));
        }

        var size = 0;
        foreach (var (name, value) in Environment)
        {
            size += name.Length + value.Length;
            if (!EnvironmentName().IsMatch(name))
            {
                errors.Add(new("environment", $"environment variable name '{name}' must start with a letter and contain only letters, digits and '_'."));
            }
            else if (IsReserved(name))
            {
                errors.Add(new("environment", $"environment variable '{name}' is reserved by Lambda and cannot be set."));
            }
        }

        if (size > 4096)
        {
            errors.Add(new("environment", $"environment variables take {size} bytes; Lambda allows 4 KB (4096 bytes)."));
        }

        return errors;
    }

    private static void Range(List<ConfigurationError> errors, string field, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
        {
            var units = unit.Length == 0 ? string.Empty : " " + unit;
            errors.Add(new(field, $"{field} must be between {min} and {max}{units}; got {value}."));
        }
    }

    // Lambda refuses to let functions set the variables its runtime defines.
    private static bool IsReserved(string name) =>
        name.StartsWith("AWS_", StringComparison.Ordinal)
        || name.StartsWith("LAMBDA_", StringComparison.Ordinal)
        || name.StartsWith("PLAYGROUND_", StringComparison.Ordinal)
        || name is "_HANDLER" or "_X_AMZN_TRACE_ID" or "TZ" or "PATH" or "DOTNET_ROOT";

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]*$")]
    private static partial Regex EnvironmentName();
}
