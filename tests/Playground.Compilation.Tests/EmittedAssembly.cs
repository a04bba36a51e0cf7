using System.Reflection;
using System.Runtime.Loader;

namespace Playground.Compilation.Tests;

/// <summary>
/// Loads emitted bytes into a collectible context, the way the sandboxed runtime will load them (there, into its own
/// process). Only tests do this: the compiler never loads user code.
/// </summary>
internal sealed class EmittedAssembly : IDisposable
{
    private const BindingFlags AnyMember =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private readonly AssemblyLoadContext context = new("emitted-handler", isCollectible: true);

    public EmittedAssembly(CompileResult result)
    {
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        EntryPoint = result.EntryPoint!;
        Assembly = context.LoadFromStream(new MemoryStream(result.Assembly!));
        EntryType = Assembly.GetType(EntryPoint.TypeName, throwOnError: true)!;
        Handler = EntryType.GetMethod(EntryPoint.MethodName, AnyMember)!;
        Assert.NotNull(Handler);
    }

    public Assembly Assembly { get; }

    public HandlerEntryPoint EntryPoint { get; }

    public Type EntryType { get; }

    public MethodInfo Handler { get; }

    /// <summary>Runs the Init phase and returns the object the handler is called on (null for a static handler).</summary>
    public async Task<object?> InitAsync()
    {
        if (EntryPoint.Kind == HandlerKind.Script)
        {
            // Slot 0 holds the globals object (none here); the submission stores itself in slot 1 before running.
            var factory = EntryType.GetMethod("<Factory>", AnyMember)!;
            var submissionArray = new object?[2];
            await (Task<object>)factory.Invoke(null, [submissionArray])!;
            return Handler.IsStatic ? null : submissionArray[1];
        }

        return Handler.IsStatic ? null : Activator.CreateInstance(EntryType);
    }

    public async Task<object?> InvokeAsync(object? target, params object?[] arguments)
    {
        var returned = Handler.Invoke(target, arguments);
        if (returned is Task task)
        {
            await task;
            return task.GetType().IsGenericType ? task.GetType().GetProperty("Result")!.GetValue(task) : null;
        }

        return returned;
    }

    public void Dispose() => context.Unload();
}
