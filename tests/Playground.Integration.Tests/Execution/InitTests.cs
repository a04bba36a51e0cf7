using System.Net;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class InitTests(PlaygroundServer server)
{
    private const string Counter = """
        var initialized = DateTime.UtcNow;
        var invocations = 0;

        object Handler(JsonElement input, ILambdaContext context)
        {
            invocations++;
            context.Logger.LogLine($"invocation {invocations}");
            return new { invocations, initialized };
        }
        """;

    [Fact]
    public async Task Init_runs_once_per_context_and_only_the_first_report_has_init_duration()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("counter", Counter);

        var first = await client.InvokeAsync("counter");
        var second = await client.InvokeAsync("counter");
        var third = await client.InvokeAsync("counter");

        Assert.Equal([1, 2, 3], new[] { first, second, third }.Select(i => (int)i.Json["invocations"]!));
        Assert.Equal(first.ContextId, second.ContextId);
        Assert.Equal(first.ContextId, third.ContextId);
        Assert.Equal(first.Json["initialized"]!.ToString(), third.Json["initialized"]!.ToString());
        Assert.True(first.Cold);
        Assert.False(second.Cold);
        Assert.False(third.Cold);
        Assert.Contains("Init Duration: ", first.ReportLine);
        Assert.DoesNotContain("Init Duration", second.ReportLine);
        Assert.DoesNotContain("Init Duration", third.ReportLine);
    }

    [Fact]
    public async Task Log_has_start_the_handlers_lines_end_and_report_in_lambdas_format()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("counter", Counter, new { memorySize = 256 });

        var invocation = await client.InvokeAsync("counter");

        var lines = invocation.Log.TrimEnd('\n').Split('\n');
        Assert.Matches(@"^START RequestId: [0-9a-f-]{36} Version: 1$", lines[0]);
        Assert.Equal("invocation 1", lines[1]);
        Assert.Matches(@"^END RequestId: [0-9a-f-]{36}$", lines[2]);
        Assert.Matches(
            @"^REPORT RequestId: [0-9a-f-]{36}\tDuration: \d+\.\d\d ms\tBilled Duration: \d+ ms\tMemory Size: 256 MB\tMax Memory Used: [1-9]\d* MB\tInit Duration: \d+\.\d\d ms\t$",
            lines[3]);
    }

    [Fact]
    public async Task Class_shape_constructor_is_the_init_and_FunctionHandler_serves()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("klass", """
            using Amazon.Lambda.Core;

            [assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

            namespace Sample;

            public class Function
            {
                private readonly Guid connection = Guid.NewGuid();
                private int calls;

                public Function() => Console.WriteLine("constructor ran");

                public string FunctionHandler(Order input, ILambdaContext context) =>
                    $"{input.Id}:{++calls}:{connection}:{context.FunctionName}:{context.MemoryLimitInMB}";
            }

            public record Order(string Id);
            """);

        var first = await client.InvokeAsync("klass", new { id = "a1" });
        var second = await client.InvokeAsync("klass", new { id = "b2" });

        Assert.Equal(HttpStatusCode.OK, first.Status);
        var a = first.Json.GetValue<string>().Split(':');
        var b = second.Json.GetValue<string>().Split(':');
        Assert.Equal(["a1", "1"], a[..2]);
        Assert.Equal(["b2", "2"], b[..2]);
        Assert.Equal(a[2], b[2]);
        Assert.Equal(["klass", "512"], a[3..]);
        Assert.Contains("constructor ran", first.Log);
    }
}
