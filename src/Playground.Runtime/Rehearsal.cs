using System.Text.Json;
using Amazon.Lambda.Core;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>
/// Runs the invoke path once on built-in handlers while the runtime waits for its function, so that the JIT work of
/// the runtime itself (System.Text.Json's reflection serializer, reflection invoke, awaiting, framing) is done before
/// a cold start needs it. What is left for the cold start is loading the user's assembly, its Init and its own JIT.
/// Nothing here writes to the host.
/// </summary>
internal static class Rehearsal
{
    private static readonly LoadMessage Function = new(
        new HandlerBinding(HandlerShape.Class, nameof(Rehearsal), nameof(Handler)),
        "rehearsal", "0", 128, "arn:aws:lambda:local:000000000000:function:rehearsal", "/aws/lambda/rehearsal", "rehearsal",
        new Dictionary<string, string>(), int.MaxValue);

    public static async Task RunAsync(FunctionOutput output)
    {
        var header = JsonSerializer.SerializeToUtf8Bytes(
            new InvokeMessage("rehearsal", TimeProvider.System.GetUtcNow().AddSeconds(3).ToUnixTimeMilliseconds(), Function.InvokedFunctionArn, null, null, null, null),
            ProtocolJson.Default.InvokeMessage);
        var invoke = JsonSerializer.Deserialize(header, ProtocolJson.Default.InvokeMessage)!;
        var context = new LambdaContext(invoke, Function, output);
        var input = """{"name":"rehearsal","count":3,"tags":["a","b"],"nested":{"when":"2026-01-01T00:00:00Z"}}"""u8.ToArray();

        foreach (var name in new[] { nameof(Handler), nameof(HandlerAsync), nameof(RawHandler) })
        {
            var method = typeof(Rehearsal).GetMethod(name, System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static)!;
            var response = await new HandlerInvoker(null, method, int.MaxValue).InvokeAsync(input, context);
            FrameCodec.Encode(FrameType.Response, JsonSerializer.SerializeToUtf8Bytes(new ResponseMessage(invoke.RequestId), ProtocolJson.Default.ResponseMessage), response);
        }

        JsonSerializer.SerializeToUtf8Bytes(new LogMessage(null), ProtocolJson.Default.LogMessage);
        JsonSerializer.Deserialize(JsonSerializer.SerializeToUtf8Bytes(Function, ProtocolJson.Default.LoadMessage), ProtocolJson.Default.LoadMessage);
    }

    private static object Handler(Sample input, ILambdaContext context) =>
        new { input.Name, input.Count, context.AwsRequestId, remaining = context.RemainingTime.TotalMilliseconds };

    private static async Task<object> HandlerAsync(JsonElement input, ILambdaContext context)
    {
        await Task.Yield();
        return new Dictionary<string, object?> { ["name"] = input.GetProperty("name").GetString(), ["memory"] = context.MemoryLimitInMB };
    }

    private static JsonElement RawHandler(JsonElement input) => input;

    private sealed record Sample(string Name, int Count, string[] Tags, Nested Nested);

    private sealed record Nested(DateTime When);
}
