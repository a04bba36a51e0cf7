using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Playground.Compilation;

/// <summary>The handler method found by the validator (null if none), and what is wrong with it.</summary>
internal sealed record HandlerValidation(IMethodSymbol? Handler, IReadOnlyList<CompileDiagnostic> Errors);

/// <summary>
/// Checks with symbols that the runtime will be able to call the handler: the shapes of parameters and results it
/// knows how to bind, and for the class shape a type it can construct. Errors point at the handler's name.
/// </summary>
internal static class HandlerSignatureValidator
{
    private const string ContextTypeName = "Amazon.Lambda.Core.ILambdaContext";

    public static HandlerValidation ValidateScript(CSharpCompilation compilation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var methods = compilation.ScriptClass?.GetMembers(HandlerShapeDetector.ScriptHandlerName)
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary)
            .OrderBy(m => m.Locations[0].SourceSpan.Start)
            .ToArray() ?? [];

        return Validate(compilation, methods, HandlerShapeDetector.ScriptHandlerName, errors => { });
    }

    public static HandlerValidation ValidateClass(
        CSharpCompilation compilation,
        SyntaxTree userTree,
        CancellationToken cancellationToken)
    {
        var methods = compilation
            .GetSymbolsWithName(HandlerShapeDetector.ClassHandlerName, SymbolFilter.Member, cancellationToken)
            .OfType<IMethodSymbol>()
            .Where(m => m.MethodKind == MethodKind.Ordinary && m.Locations[0].SourceTree == userTree)
            .OrderBy(m => m.Locations[0].SourceSpan.Start)
            .ToArray();

        return Validate(
            compilation,
            methods,
            HandlerShapeDetector.ClassHandlerName,
            errors => ValidateContainingType(methods[0], errors));
    }

    private static HandlerValidation Validate(
        CSharpCompilation compilation,
        IMethodSymbol[] methods,
        string name,
        Action<List<CompileDiagnostic>> validateShape)
    {
        if (methods.Length == 0)
        {
            return new HandlerValidation(null, []);
        }

        var errors = new List<CompileDiagnostic>();
        var handler = methods[0];
        if (methods.Length > 1)
        {
            var message = SymbolEqualityComparer.Default.Equals(methods[1].ContainingType, handler.ContainingType)
                ? $"{name} is declared more than once: overloads are not supported."
                : $"{name} is declared in more than one class: declare exactly one.";
            errors.Add(Error(message, methods[1]));
        }

        validateShape(errors);
        ValidateSignature(compilation, handler, name, errors);
        return new HandlerValidation(handler, errors);
    }

    private static void ValidateContainingType(IMethodSymbol handler, List<CompileDiagnostic> errors)
    {
        var type = handler.ContainingType;
        var name = HandlerShapeDetector.ClassHandlerName;
        if (type.TypeKind != TypeKind.Class)
        {
            errors.Add(Error($"{name} must be declared in a class; {type.Name} is a {Describe(type)}.", handler));
            return;
        }

        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                errors.Add(Error($"{name}'s class must not be generic: the runtime cannot choose its type arguments.", handler));
                return;
            }
        }

        // A static handler is called without an instance, as the AWS runtime does; only an instance needs a constructor.
        if (handler.IsStatic)
        {
            return;
        }

        if (type.IsAbstract)
        {
            errors.Add(Error($"{name}'s class must not be abstract: the runtime creates an instance of it.", handler));
        }
        else if (!type.InstanceConstructors.Any(c => c.Parameters.IsEmpty && c.DeclaredAccessibility == Accessibility.Public))
        {
            errors.Add(Error(
                $"{name}'s class needs a public parameterless constructor: the runtime creates it once per execution context (the Init phase).",
                handler));
        }
    }

    private static void ValidateSignature(
        CSharpCompilation compilation,
        IMethodSymbol handler,
        string name,
        List<CompileDiagnostic> errors)
    {
        if (handler.IsGenericMethod)
        {
            errors.Add(Error($"{name} must not be generic.", handler));
        }

        var context = compilation.GetTypeByMetadataName(ContextTypeName);
        var parameters = handler.Parameters;
        var found = $"({string.Join(", ", parameters.Select(p => p.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)))})";
        bool IsContext(IParameterSymbol p) => SymbolEqualityComparer.Default.Equals(p.Type, context);
        bool IsKnown(ITypeSymbol t) => t.TypeKind != TypeKind.Error;

        if (parameters.Length > 2 || (parameters.Length == 2 && IsKnown(parameters[1].Type) && !IsContext(parameters[1])))
        {
            errors.Add(Error($"{name} must take (), (input) or (input, ILambdaContext); found {found}.", handler));
        }
        else if (parameters.Length > 0 && IsContext(parameters[0]))
        {
            errors.Add(Error(
                $"{name} must take (), (input) or (input, ILambdaContext); found {found}. The input comes first: {name}(JsonElement input, ILambdaContext context).",
                handler));
        }
        else if (parameters.Any(p => p.RefKind != RefKind.None))
        {
            errors.Add(Error($"{name}'s parameters must not be ref, out or in; found {found}.", handler));
        }
        else if (parameters.Length > 0 && IsKnown(parameters[0].Type) && !CanBox(parameters[0].Type))
        {
            errors.Add(Error(
                $"{name}'s input must not be {Display(parameters[0].Type)}: it is deserialized from the event's JSON.",
                handler));
        }

        if (handler.ReturnsByRef || handler.ReturnsByRefReadonly)
        {
            errors.Add(Error($"{name} must not return by reference.", handler));
        }
        else if (handler.IsAsync && handler.ReturnsVoid)
        {
            errors.Add(Error(
                $"{name} must not be async void: return Task, so that the invocation ends when its work does.",
                handler));
        }
        else if (IsKnown(handler.ReturnType) && !handler.ReturnsVoid && !CanBox(handler.ReturnType))
        {
            errors.Add(Error(
                $"{name} must not return {Display(handler.ReturnType)}: the result is serialized to JSON.",
                handler));
        }
    }

    // The runtime passes inputs and results through reflection as objects.
    private static bool CanBox(ITypeSymbol type) =>
        !type.IsRefLikeType && type.TypeKind is not (TypeKind.Pointer or TypeKind.FunctionPointer);

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string Describe(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        TypeKind.Interface => "interface",
        _ => type.TypeKind.ToString().ToLowerInvariant(),
    };

    private static CompileDiagnostic Error(string message, IMethodSymbol handler) =>
        CompileDiagnostic.At(PlaygroundDiagnostics.InvalidHandlerId, message, handler.Locations[0]);
}
