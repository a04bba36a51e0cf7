namespace Playground.Compilation;

/// <summary>
/// Handlers compiled at start-up. They use what real handlers use (async, JSON, LINQ, the context, both shapes)
/// so that the code paths the first request needs are already JIT-compiled.
/// </summary>
internal static class WarmUpHandlers
{
    public const string Script = """
        var started = DateTime.UtcNow;
        var invocations = 0;

        async Task<object> Handler(JsonElement input, ILambdaContext context)
        {
            invocations++;
            await File.AppendAllTextAsync("/tmp/seen.txt", context.AwsRequestId + "\n");
            var total = Enumerable.Range(1, 3).Sum();
            context.Logger.LogLine($"call {invocations} total {total} {JsonSerializer.Serialize(input)}");
            return new { invocations, started };
        }
        """;

    public const string Class = """
        using Amazon.Lambda.Core;

        [assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

        namespace WarmUp;

        public class Function
        {
            private readonly List<string> seen = new();

            public string FunctionHandler(string input, ILambdaContext context)
            {
                seen.Add(input);
                context.Logger.LogInformation($"{seen.Count} inputs");
                return input.ToUpperInvariant();
            }
        }
        """;

    public static readonly IReadOnlyList<string> All = [Script, Class];
}
