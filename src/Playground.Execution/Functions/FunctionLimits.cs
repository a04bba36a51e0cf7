namespace Playground.Execution.Functions;

/// <summary>Upper bounds this server puts on settings that Lambda bounds by account.</summary>
public sealed record FunctionLimits(int MaxReservedConcurrency, int MaxKeepWarmSeconds);
