using System.Globalization;

namespace Playground.Compilation;

/// <summary>The playground's own diagnostics: what Roslyn cannot know about handlers and limits.</summary>
internal static class PlaygroundDiagnostics
{
    public const string NoHandlerId = "PG0001";
    public const string InvalidHandlerId = "PG0002";
    public const string TooLargeId = "PG0003";
    public const string TimeoutId = "PG0004";

    /// <summary>Raised when the compile failed but every error sits in code the user never sees (the default imports).</summary>
    public const string HiddenFailureId = "PG0005";

    /// <summary>Code shaped to make the compiler's work explode (see <see cref="ComplexityGuard"/>).</summary>
    public const string TooComplexId = "PG0006";

    public const string NoHandlerMessage =
        "No handler found: declare a top-level function `Handler(input, context)` (script) or a class with a method `FunctionHandler(input, context)`.";

    public static CompileDiagnostic NoHandler() => CompileDiagnostic.AtStart(NoHandlerId, NoHandlerMessage);

    public static CompileDiagnostic TooLarge(int bytes, int limit) =>
        CompileDiagnostic.AtStart(
            TooLargeId,
            string.Create(
                CultureInfo.InvariantCulture,
                $"Handler code is {bytes:N0} bytes; the limit is {limit:N0} bytes ({limit / 1024.0:0.#} KB)."));

    public static CompileDiagnostic Timeout(TimeSpan limit) =>
        CompileDiagnostic.AtStart(TimeoutId, $"Compilation took longer than {Describe(limit)} and was stopped.");

    public static CompileDiagnostic TooComplex() =>
        CompileDiagnostic.AtStart(TooComplexId, "An expression is nested too deeply to compile; split the code up.");

    public static CompileDiagnostic HiddenFailure(string message) =>
        CompileDiagnostic.AtStart(HiddenFailureId, "The code conflicts with the playground's default imports: " + message);

    private static string Describe(TimeSpan limit) =>
        limit >= TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{limit.TotalSeconds:0.#} s")
            : string.Create(CultureInfo.InvariantCulture, $"{limit.TotalMilliseconds:0.#} ms");
}
