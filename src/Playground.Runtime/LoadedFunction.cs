using System.Reflection;
using System.Runtime.Loader;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>The handler's assembly, loaded, with its Init run: the state that warm invocations reuse.</summary>
internal sealed class LoadedFunction
{
    private const BindingFlags AnyMember = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    private LoadedFunction(LoadMessage load, HandlerInvoker invoker)
    {
        Load = load;
        Invoker = invoker;
    }

    public LoadMessage Load { get; }

    public HandlerInvoker Invoker { get; }

    /// <summary>Loads the assembly and runs Init: a script's top-level statements, or a class's constructor.</summary>
    public static async Task<LoadedFunction> LoadAsync(LoadMessage load, ReadOnlyMemory<byte> assemblyBytes, FunctionOutput output)
    {
        using var image = new MemoryStream(assemblyBytes.ToArray(), writable: false);
        var assembly = AssemblyLoadContext.Default.LoadFromStream(image);
        var type = assembly.GetType(load.Handler.TypeName, throwOnError: true)!;
        var method = type.GetMethod(load.Handler.MethodName, AnyMember)
            ?? throw new MissingMethodException(load.Handler.TypeName, load.Handler.MethodName);

        var target = load.Handler.Shape switch
        {
            HandlerShape.Script => await RunScriptInitAsync(type),
            HandlerShape.Class => method.IsStatic ? null : CreateInstance(type),
            _ => throw new NotSupportedException($"handler shape {load.Handler.Shape}"),
        };

        return new LoadedFunction(load, new HandlerInvoker(method.IsStatic ? null : target, method, load.MaxResponseBytes));
    }

    /// <summary>
    /// A script's submission type has a static <c>&lt;Factory&gt;(object[] submissionArray)</c> that constructs the
    /// submission, stores it in the array and runs the top-level statements, which may await.
    /// </summary>
    private static async Task<object> RunScriptInitAsync(Type submissionType)
    {
        var factory = submissionType.GetMethod("<Factory>", AnyMember)
            ?? throw new MissingMethodException(submissionType.FullName, "<Factory>");
        var submissionArray = new object?[2];
        var task = (Task)Unwrap(() => factory.Invoke(null, [submissionArray]))!;
        await task;
        return submissionArray[1] ?? throw new InvalidOperationException("the script's Init did not create its submission");
    }

    private static object CreateInstance(Type type) => Unwrap(() => Activator.CreateInstance(type, nonPublic: true))!;

    private static object? Unwrap(Func<object?> call)
    {
        try
        {
            return call();
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }
}
