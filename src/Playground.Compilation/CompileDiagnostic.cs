using System.Globalization;
using Microsoft.CodeAnalysis;

namespace Playground.Compilation;

/// <summary>An error or warning in the user's code. Lines and columns are 1-based, as the editor shows them.</summary>
/// <param name="Id">A Roslyn id (CS1002) or one of the playground's own (PG0001..PG0006).</param>
/// <param name="Severity">"Error" or "Warning".</param>
public sealed record CompileDiagnostic(
    string Id,
    string Severity,
    string Message,
    int Line,
    int Column,
    int EndLine,
    int EndColumn)
{
    internal const string Error = "Error";
    internal const string Warning = "Warning";

    internal static CompileDiagnostic At(string id, string message, Location location)
    {
        if (!location.IsInSource)
        {
            return AtStart(id, message);
        }

        // Not the mapped span: #line directives must not move a squiggle away from the code the user typed.
        var span = location.GetLineSpan();
        return new CompileDiagnostic(
            id,
            Error,
            message,
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            span.EndLinePosition.Line + 1,
            span.EndLinePosition.Character + 1);
    }

    internal static CompileDiagnostic AtStart(string id, string message) => new(id, Error, message, 1, 1, 1, 1);

    internal static CompileDiagnostic From(Diagnostic diagnostic)
    {
        // English regardless of the server's culture, so that messages match what people search for.
        var located = At(diagnostic.Id, diagnostic.GetMessage(CultureInfo.InvariantCulture), diagnostic.Location);
        return diagnostic.Severity == DiagnosticSeverity.Error ? located : located with { Severity = Warning };
    }

    internal static IReadOnlyList<CompileDiagnostic> Sort(IEnumerable<CompileDiagnostic> diagnostics) =>
        diagnostics
            .OrderBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ThenBy(d => d.EndLine)
            .ThenBy(d => d.EndColumn)
            .ToArray();
}
