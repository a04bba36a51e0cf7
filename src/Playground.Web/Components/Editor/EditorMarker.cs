using Playground.Compilation;

namespace Playground.Web.Components.Editor;

/// <summary>A squiggle in the editor: 1-based positions, as the compiler reports them and Monaco draws them.</summary>
public sealed record EditorMarker(string Severity, string Message, string? Code, int Line, int Column, int EndLine, int EndColumn)
{
    public static EditorMarker From(CompileDiagnostic diagnostic) => new(
        diagnostic.Severity, diagnostic.Message, diagnostic.Id, diagnostic.Line, diagnostic.Column, diagnostic.EndLine, diagnostic.EndColumn);
}
