using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Playground.Compilation;

/// <summary>
/// Refuses code shaped to make Roslyn's work explode. Some of Roslyn's costs grow much faster than the code (42 s
/// for 32,000 nested parentheses; gigabytes for a query of 1,000 clauses), the compile timeout cannot stop a step that
/// does not look at its cancellation token, and a compile cannot be killed inside this process. The limits are far
/// beyond hand-written code; both checks are linear and iterative.
/// </summary>
internal static class ComplexityGuard
{
    public const int MaxBracketDepth = 256;
    public const int MaxSyntaxDepth = 2048;
    public const int MaxLambdaDepth = 64;
    public const int MaxTypeArgumentDepth = 32;
    public const int MaxQueryClauses = 64;
    public const int MaxArrayRanks = 32;
    public const int MaxSwitchCases = 512;

    /// <summary>Before parsing: the parser's speculative scans over nested brackets are what take the time.</summary>
    public static CompileDiagnostic? CheckTokens(SourceText text, CSharpParseOptions options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var depth = 0;
        foreach (var token in SyntaxFactory.ParseTokens(text.ToString(), options: options))
        {
            switch (token.Kind())
            {
                case SyntaxKind.OpenParenToken or SyntaxKind.OpenBracketToken or SyntaxKind.OpenBraceToken:
                    if (++depth > MaxBracketDepth)
                    {
                        return Refuse($"Brackets are nested more than {MaxBracketDepth} levels deep", LocationOf(token, text));
                    }

                    break;
                case SyntaxKind.CloseParenToken or SyntaxKind.CloseBracketToken or SyntaxKind.CloseBraceToken:
                    depth = Math.Max(0, depth - 1);
                    break;
                case SyntaxKind.InterpolatedStringToken when depth + DeepestBrace(token.Text) > MaxBracketDepth:
                    // The lexer returns a whole interpolated string as one token, holes and nested strings included,
                    // and parsing nested interpolations takes time that grows with about the cube of their depth.
                    return Refuse($"Brackets are nested more than {MaxBracketDepth} levels deep", LocationOf(token, text));
            }
        }

        return null;
    }

    /// <summary>After parsing, before binding: the constructs whose binding cost explodes.</summary>
    public static CompileDiagnostic? CheckTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth, int Lambdas, int TypeArguments)>();
        pending.Push((tree.GetRoot(cancellationToken), 1, 0, 0));
        while (pending.TryPop(out var item))
        {
            var (node, depth, lambdas, typeArguments) = item;
            lambdas += node is AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax ? 1 : 0;
            typeArguments += node is TypeArgumentListSyntax ? 1 : 0;

            var problem =
                depth > MaxSyntaxDepth ? $"Code is nested more than {MaxSyntaxDepth} levels deep"
                : lambdas > MaxLambdaDepth ? $"Lambdas are nested more than {MaxLambdaDepth} levels deep"
                : typeArguments > MaxTypeArgumentDepth ? $"Type arguments are nested more than {MaxTypeArgumentDepth} levels deep"
                : node is QueryBodySyntax { Clauses.Count: > MaxQueryClauses } ? $"A query has more than {MaxQueryClauses} clauses"
                : node is ArrayTypeSyntax { RankSpecifiers.Count: > MaxArrayRanks } ? $"An array type has more than {MaxArrayRanks} dimensions"
                : SwitchCases(node) > MaxSwitchCases ? $"A switch has more than {MaxSwitchCases} cases"
                : null;
            if (problem is not null)
            {
                return Refuse(problem, node.GetFirstToken().GetLocation());
            }

            foreach (var child in node.ChildNodes())
            {
                pending.Push((child, depth + 1, lambdas, typeArguments));
            }
        }

        return null;
    }

    private static int SwitchCases(SyntaxNode node) => node switch
    {
        SwitchExpressionSyntax expression => expression.Arms.Count,
        SwitchStatementSyntax statement => statement.Sections.Sum(section => section.Labels.Count),
        _ => 0,
    };

    /// <summary>An over-estimate (escaped braces count too), which is fine for a limit this far from real code.</summary>
    private static int DeepestBrace(string text)
    {
        int depth = 0, deepest = 0;
        foreach (var c in text)
        {
            depth = c == '{' ? depth + 1 : c == '}' ? Math.Max(0, depth - 1) : depth;
            deepest = Math.Max(deepest, depth);
        }

        return deepest;
    }

    private static Location LocationOf(SyntaxToken token, SourceText text) =>
        Location.Create(HandlerShapeDetector.FilePath, token.Span, text.Lines.GetLinePositionSpan(token.Span));

    private static CompileDiagnostic Refuse(string problem, Location location) =>
        CompileDiagnostic.At(PlaygroundDiagnostics.TooComplexId, problem + "; split the code up.", location);
}
