using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Playground.Compilation;

/// <summary>The shape found in handler code, with the syntax tree to compile it from.</summary>
/// <param name="Kind">Null when neither shape was found: the tree is then the script parse.</param>
internal sealed record HandlerShape(HandlerKind? Kind, SyntaxTree Tree);

/// <summary>Decides from syntax alone whether code is a script with <c>Handler</c> or a class with <c>FunctionHandler</c>.</summary>
internal static class HandlerShapeDetector
{
    public const string ScriptHandlerName = "Handler";
    public const string ClassHandlerName = "FunctionHandler";

    /// <summary>The path stack traces show, through the embedded PDB: "at Handler(...) in handler.cs:line 7".</summary>
    public const string FilePath = "handler.cs";

    public const LanguageVersion LanguageVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest;

    public static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion, DocumentationMode.None, SourceCodeKind.Script);

    public static readonly CSharpParseOptions RegularOptions =
        new(LanguageVersion, DocumentationMode.None, SourceCodeKind.Regular);

    /// <param name="text">With its encoding: without one, Roslyn cannot emit a PDB that maps back to the text.</param>
    public static HandlerShape Detect(SourceText text, CancellationToken cancellationToken)
    {
        var script = CSharpSyntaxTree.ParseText(text, ScriptOptions, FilePath, cancellationToken);
        if (DeclaresScriptHandler(script, cancellationToken))
        {
            return new HandlerShape(HandlerKind.Script, script);
        }

        // A class shape is parsed as regular code so that file-scoped namespaces and [assembly: ...] compile.
        var regular = CSharpSyntaxTree.ParseText(text, RegularOptions, FilePath, cancellationToken);
        return DeclaresClassHandler(regular, cancellationToken)
            ? new HandlerShape(HandlerKind.Class, regular)
            : new HandlerShape(null, script);
    }

    private static bool DeclaresScriptHandler(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetCompilationUnitRoot(cancellationToken).Members
            .OfType<MethodDeclarationSyntax>()
            .Any(m => m.Identifier.ValueText == ScriptHandlerName);

    private static bool DeclaresClassHandler(SyntaxTree tree, CancellationToken cancellationToken) =>
        tree.GetCompilationUnitRoot(cancellationToken)
            .DescendantNodes(node => node is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax)
            .OfType<MethodDeclarationSyntax>()
            .Any(m => m.Identifier.ValueText == ClassHandlerName && m.Parent is ClassDeclarationSyntax or RecordDeclarationSyntax);
}
