using System.Reflection;

namespace Playground.Runtime;

/// <summary>Builds, once per handler, the function that turns whatever the handler returned into a value and its type.</summary>
internal static class ResultAwaiter
{
    public static Func<object?, Task<(object? Value, Type? Type)>> For(Type returnType)
    {
        if (returnType == typeof(void))
        {
            return _ => Task.FromResult<(object?, Type?)>((null, null));
        }

        if (returnType == typeof(Task))
        {
            return async returned =>
            {
                await (Task)returned!;
                return (null, null);
            };
        }

        if (returnType == typeof(ValueTask))
        {
            return async returned =>
            {
                await (ValueTask)returned!;
                return (null, null);
            };
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var result = returnType.GetProperty(nameof(Task<object>.Result))!;
            return async returned =>
            {
                var task = (Task)returned!;
                await task;
                return (result.GetValue(task), resultType);
            };
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            var resultType = returnType.GetGenericArguments()[0];
            var asTask = returnType.GetMethod(nameof(ValueTask<object>.AsTask))!;
            var result = typeof(Task<>).MakeGenericType(resultType).GetProperty(nameof(Task<object>.Result))!;
            return async returned =>
            {
                var task = (Task)Invoke(asTask, returned!);
                await task;
                return (result.GetValue(task), resultType);
            };
        }

        return returned => Task.FromResult<(object?, Type?)>((returned, returnType));
    }

    private static object Invoke(MethodInfo method, object target)
    {
        try
        {
            return method.Invoke(target, null)!;
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(inner);
            throw;
        }
    }
}
