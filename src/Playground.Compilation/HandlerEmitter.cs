using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace Playground.Compilation;

/// <summary>
/// Turns handler code into assembly bytes for another process. It only emits: user code is never loaded here,
/// because an assembly loaded into this process could never be unloaded and would run with the host's rights.
/// </summary>
internal static class HandlerEmitter
{
    /// <summary>The type Roslyn's scripting gives the first submission; the runtime looks for it by this name.</summary>
    public const string ScriptClassName = "Submission#0";

    // Debug: stack traces point at the user's lines. Nullable enabled, as in the AWS templates; its warnings stay warnings.
    // Deterministic: identical code gives identical bytes. Not concurrent: Roslyn's parallel method compilation would
    // leave the large stack of CompilerThread for thread-pool threads, where deep code overflows and ends the process;
    // a 30-line handler gains nothing from it anyway, and compiles still run side by side in the compile slots.
    private static readonly CSharpCompilationOptions ScriptCompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        scriptClassName: ScriptClassName,
        usings: DefaultImports.Namespaces,
        optimizationLevel: OptimizationLevel.Debug,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: false);

    private static readonly CSharpCompilationOptions ClassCompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        optimizationLevel: OptimizationLevel.Debug,
        nullableContextOptions: NullableContextOptions.Enable,
        deterministic: true,
        concurrentBuild: false);

    private static readonly EmitOptions EmitOptions = new(debugInformationFormat: DebugInformationFormat.Embedded);

    /// <summary>Compiles synchronously; throws <see cref="OperationCanceledException"/> when the token fires.</summary>
    /// <returns>A result with <see cref="CompileResult.Elapsed"/> left for the caller to fill in.</returns>
    public static CompileResult Compile(string code, string hash, CancellationToken cancellationToken)
    {
        try
        {
            return CompileGuarded(code, hash, cancellationToken);
        }
        catch (InsufficientExecutionStackException)
        {
            // Roslyn's own stack guard: an expression chain (a - - - ... or x = x = ...) deeper than the stack allows.
            return CompileResult.Failed(hash, PlaygroundDiagnostics.TooComplex());
        }
    }

    private static CompileResult CompileGuarded(string code, string hash, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var text = SourceText.From(code, Encoding.UTF8);
        if (ComplexityGuard.CheckTokens(text, HandlerShapeDetector.ScriptOptions, cancellationToken) is { } tokensRefused)
        {
            return CompileResult.Failed(hash, tokensRefused);
        }

        var shape = HandlerShapeDetector.Detect(text, cancellationToken);
        if (ComplexityGuard.CheckTree(shape.Tree, cancellationToken) is { } treeRefused)
        {
            return CompileResult.Failed(hash, treeRefused);
        }

        var assemblyName = "handler-" + hash[..16];
        var compilation = shape.Kind == HandlerKind.Class
            ? CSharpCompilation.Create(
                assemblyName,
                [shape.Tree, DefaultImports.GlobalUsings],
                ReferenceSet.All,
                ClassCompilationOptions)
            // No resolvers: #r and #load are refused instead of reading files of this machine.
            : CSharpCompilation.CreateScriptCompilation(
                assemblyName,
                shape.Tree,
                ReferenceSet.All,
                ScriptCompilationOptions,
                returnType: typeof(object));

        var validation = shape.Kind switch
        {
            HandlerKind.Script => HandlerSignatureValidator.ValidateScript(compilation, cancellationToken),
            HandlerKind.Class => HandlerSignatureValidator.ValidateClass(compilation, shape.Tree, cancellationToken),
            _ => new HandlerValidation(null, []),
        };

        if (validation.Handler is null || validation.Errors.Count > 0)
        {
            // Nothing can run, but the code's own errors are still worth showing next to ours.
            var diagnostics = Visible(compilation.GetDiagnostics(cancellationToken), shape.Tree)
                .Concat(validation.Errors)
                .ToList();
            if (validation.Handler is null && validation.Errors.Count == 0)
            {
                diagnostics.Add(PlaygroundDiagnostics.NoHandler());
            }

            return CompileResult.Failed(hash, CompileDiagnostic.Sort(diagnostics));
        }

        cancellationToken.ThrowIfCancellationRequested();
        using var peStream = new MemoryStream();
        var emitted = compilation.Emit(peStream, options: EmitOptions, cancellationToken: cancellationToken);
        var visible = Visible(emitted.Diagnostics, shape.Tree).ToList();
        if (!emitted.Success)
        {
            if (!visible.Any(d => d.Severity == CompileDiagnostic.Error))
            {
                var hidden = emitted.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
                visible.Add(PlaygroundDiagnostics.HiddenFailure(hidden.GetMessage(CultureInfo.InvariantCulture)));
            }

            return CompileResult.Failed(hash, CompileDiagnostic.Sort(visible));
        }

        var entryPoint = new HandlerEntryPoint(
            shape.Kind!.Value,
            MetadataNameOf(validation.Handler.ContainingType),
            validation.Handler.Name);
        return new CompileResult(true, hash, peStream.ToArray(), entryPoint, CompileDiagnostic.Sort(visible), TimeSpan.Zero, false);
    }

    /// <summary>Errors and warnings the user can act on: none from the hidden imports tree, nothing suppressed.</summary>
    private static IEnumerable<CompileDiagnostic> Visible(IEnumerable<Diagnostic> diagnostics, SyntaxTree userTree) =>
        diagnostics
            .Where(d => d.Severity is DiagnosticSeverity.Error or DiagnosticSeverity.Warning && !d.IsSuppressed)
            .Where(d => d.Location.SourceTree == userTree || (!d.Location.IsInSource && d.Severity == DiagnosticSeverity.Error))
            .Select(CompileDiagnostic.From);

    /// <summary>The name <see cref="System.Reflection.Assembly.GetType(string)"/> expects: "Ns.Outer+Inner".</summary>
    private static string MetadataNameOf(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
            type = outer;
        }

        var namespaces = new Stack<string>();
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            namespaces.Push(ns.MetadataName);
        }

        return namespaces.Count == 0 ? name : string.Join('.', namespaces) + "." + name;
    }
}
