using System.Reflection;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using Amazon.Lambda.Core;

namespace Playground.Runtime;

/// <summary>
/// Calls the handler the way Lambda's .NET runtime does: the event is deserialized with System.Text.Json into the
/// declared input type, the result (T, Task, Task&lt;T&gt;, ValueTask, ValueTask&lt;T&gt;, void) awaited and
/// serialized. Reflection is resolved once, at Init.
/// </summary>
internal sealed class HandlerInvoker
{
    // Lambda's default serializer matches property names case-insensitively and keeps the names it writes.
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNameCaseInsensitive = true,
        IncludeFields = true,
    };

    private readonly object? target;
    private readonly MethodInfo method;
    private readonly Type? inputType;
    private readonly bool takesContext;
    private readonly Func<object?, Task<(object? Value, Type? Type)>> awaitResult;

    private readonly int maxResponseBytes;

    public HandlerInvoker(object? target, MethodInfo method, int maxResponseBytes)
    {
        this.maxResponseBytes = maxResponseBytes;
        this.target = target;
        this.method = method;
        var parameters = method.GetParameters();
        inputType = parameters.Length > 0 ? parameters[0].ParameterType : null;
        takesContext = parameters.Length > 1;
        awaitResult = ResultAwaiter.For(method.ReturnType);
    }

    /// <summary>Runs the handler once and returns the response JSON.</summary>
    public async Task<byte[]> InvokeAsync(ReadOnlyMemory<byte> eventJson, ILambdaContext context)
    {
        var arguments = inputType is null
            ? []
            : takesContext ? [ReadInput(eventJson), context] : new[] { ReadInput(eventJson) };

        object? returned;
        try
        {
            returned = method.Invoke(target, arguments);
        }
        catch (TargetInvocationException wrapped) when (wrapped.InnerException is { } inner)
        {
            ExceptionDispatchInfo.Throw(inner);
            throw;
        }

        var (value, type) = await awaitResult(returned);
        var response = WriteResponse(value, type);
        if (response.Length > maxResponseBytes)
        {
            throw new ResponseSizeTooLargeException(response.Length, maxResponseBytes);
        }

        return response;
    }

    private object? ReadInput(ReadOnlyMemory<byte> eventJson)
    {
        if (inputType == typeof(Stream))
        {
            return new MemoryStream(eventJson.ToArray(), writable: false);
        }

        try
        {
            return JsonSerializer.Deserialize(eventJson.Span, inputType!, SerializerOptions);
        }
        catch (JsonException exception)
        {
            throw new LambdaSerializationException(
                $"Error converting the Lambda event JSON payload to type {inputType}: {exception.Message}", exception);
        }
    }

    private static byte[] WriteResponse(object? value, Type? declared)
    {
        switch (value)
        {
            case null:
                return "null"u8.ToArray();
            case Stream stream:
                using (var copy = new MemoryStream())
                {
                    stream.CopyTo(copy);
                    return copy.ToArray();
                }
        }

        // The runtime type, not the declared one: a Task<object> handler usually returns an anonymous type.
        var type = declared is null || declared == typeof(object) ? value.GetType() : declared;
        try
        {
            return JsonSerializer.SerializeToUtf8Bytes(value, type, SerializerOptions);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new LambdaSerializationException($"Error converting the response object of type {type} to JSON: {exception.Message}", exception);
        }
    }
}
