using Playground.Execution.Functions;

namespace Playground.Web.Components.Settings;

/// <summary>The function's settings as the form edits them (and as a draft keeps them), in Lambda's names and units.</summary>
public sealed class FunctionSettings
{
    public int MemorySize { get; set; } = 512;

    public int Timeout { get; set; } = 3;

    public int EphemeralStorageSize { get; set; } = 512;

    public int ReservedConcurrency { get; set; } = 10;

    public int KeepWarmSeconds { get; set; } = 300;

    public int? ReuseSeed { get; set; }

    public double RecycleChance { get; set; }

    public FunctionConfiguration ToConfiguration() => new()
    {
        MemorySize = MemorySize,
        Timeout = Timeout,
        EphemeralStorageSize = EphemeralStorageSize,
        ReservedConcurrency = ReservedConcurrency,
        KeepWarmSeconds = KeepWarmSeconds,
        ReuseSeed = ReuseSeed,
        RecycleChance = RecycleChance,
    };

    public static FunctionSettings From(FunctionConfiguration configuration) => new()
    {
        MemorySize = configuration.MemorySize,
        Timeout = configuration.Timeout,
        EphemeralStorageSize = configuration.EphemeralStorageSize,
        ReservedConcurrency = configuration.ReservedConcurrency,
        KeepWarmSeconds = configuration.KeepWarmSeconds,
        ReuseSeed = configuration.ReuseSeed,
        RecycleChance = configuration.RecycleChance,
    };

    public FunctionSettings Copy() => (FunctionSettings)MemberwiseClone();

    /// <summary>Lambda's messages for every setting out of range, by field name.</summary>
    public IReadOnlyDictionary<string, string> Errors(FunctionLimits limits) =>
        ToConfiguration().Validate(limits)
            .GroupBy(error => error.Field)
            .ToDictionary(group => group.Key, group => string.Join(" ", group.Select(error => error.Message)));
}
