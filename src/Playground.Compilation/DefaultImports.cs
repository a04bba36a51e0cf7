using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Playground.Compilation;

/// <summary>
/// Namespaces every handler can use without a using directive (the implicit usings of an AWS template project, plus
/// JSON and Amazon.Lambda.Core), so that snippets stay short.
/// </summary>
internal static class DefaultImports
{
    public static readonly ImmutableArray<string> Namespaces =
    [
        "System",
        "System.Collections.Generic",
        "System.IO",
        "System.Linq",
        "System.Net.Http",
        "System.Text",
        "System.Text.Json",
        "System.Text.Json.Nodes",
        "System.Threading",
        "System.Threading.Tasks",
        "Amazon.Lambda.Core",
    ];

    /// <summary>
    /// The class shape's imports as a tree of <c>global using</c> lines (a regular compilation ignores
    /// <see cref="CSharpCompilationOptions.Usings"/>). Syntax trees are immutable, so one serves every compilation.
    /// </summary>
    public static readonly SyntaxTree GlobalUsings = CSharpSyntaxTree.ParseText(
        SourceText.From(string.Concat(Namespaces.Select(n => $"global using global::{n};\n")), Encoding.UTF8),
        HandlerShapeDetector.RegularOptions,
        path: "playground-imports.cs");
}
