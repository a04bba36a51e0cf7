namespace Playground.Benchmarks;

/// <summary>One line of the result table: a figure, its percentiles or single value, and its ratio to an in-run baseline.</summary>
public sealed record Figure(string Name, string Unit, Statistics? Stats, double? Value = null, double? Ratio = null, string? RatioTo = null, string? Note = null);
