using Playground.Execution.Functions;

namespace Playground.Web.Api.Functions;

/// <summary>The <c>config</c> of a deploy, with Lambda's names; every field optional.</summary>
public sealed record FunctionConfigInput(
    int? MemorySize,
    int? Timeout,
    int? EphemeralStorageSize,
    int? ReservedConcurrency,
    int? KeepWarmSeconds,
    int? ReuseSeed,
    double? RecycleChance,
    Dictionary<string, string>? Environment)
{
    public FunctionConfiguration ToConfiguration()
    {
        var defaults = new FunctionConfiguration();
        return new FunctionConfiguration
        {
            MemorySize = MemorySize ?? defaults.MemorySize,
            Timeout = Timeout ?? defaults.Timeout,
            EphemeralStorageSize = EphemeralStorageSize ?? defaults.EphemeralStorageSize,
            ReservedConcurrency = ReservedConcurrency ?? defaults.ReservedConcurrency,
            KeepWarmSeconds = KeepWarmSeconds ?? defaults.KeepWarmSeconds,
            ReuseSeed = ReuseSeed,
            RecycleChance = RecycleChance ?? defaults.RecycleChance,
            Environment = Environment ?? [],
        };
    }

    public static FunctionConfigInput From(FunctionConfiguration configuration) => new(
        configuration.MemorySize,
        configuration.Timeout,
        configuration.EphemeralStorageSize,
        configuration.ReservedConcurrency,
        configuration.KeepWarmSeconds,
        configuration.ReuseSeed,
        configuration.RecycleChance,
        new Dictionary<string, string>(configuration.Environment));
}
