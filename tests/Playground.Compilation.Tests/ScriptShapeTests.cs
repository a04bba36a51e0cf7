using System.Reflection;
using System.Text.Json;

namespace Playground.Compilation.Tests;

public class ScriptShapeTests
{
    private const string DesignExample = """
        var started = DateTime.UtcNow;
        var invocations = 0;
        async Task<object> Handler(JsonElement input, ILambdaContext context)
        {
            invocations++;
            await File.AppendAllTextAsync("/tmp/seen.txt", context.AwsRequestId + "\n");
            context.Logger.LogLine($"call {invocations}");
            return new { invocations, started };
        }
        """;

    [Fact]
    public async Task Script_with_Handler_compiles_to_a_submission_assembly()
    {
        var result = await Compilers.CompileAsync(DesignExample);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new HandlerEntryPoint(HandlerKind.Script, "Submission#0", "Handler"), result.EntryPoint);
        using var emitted = new EmittedAssembly(result);
        var factory = emitted.EntryType.GetMethod("<Factory>", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static);
        Assert.NotNull(factory);
        Assert.Equal([typeof(object[])], factory.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(typeof(Task<object>), factory.ReturnType);
        Assert.False(emitted.Handler.IsStatic);
        Assert.Equal(typeof(Task<object>), emitted.Handler.ReturnType);
        Assert.Equal(
            ["System.Text.Json.JsonElement", "Amazon.Lambda.Core.ILambdaContext"],
            emitted.Handler.GetParameters().Select(p => p.ParameterType.FullName));
    }

    [Fact]
    public async Task Emitted_assembly_is_named_after_the_content_hash()
    {
        var result = await Compilers.CompileAsync(DesignExample);

        Assert.Matches("^[0-9a-f]{64}$", result.Hash);
        using var emitted = new EmittedAssembly(result);
        Assert.Equal("handler-" + result.Hash[..16], emitted.Assembly.GetName().Name);
    }

    [Fact]
    public async Task Factory_runs_Init_and_puts_the_submission_in_slot_1_where_Handler_keeps_its_state()
    {
        var result = await Compilers.CompileAsync("""
            var invocations = 0;
            var initRuns = 1;
            object Handler(JsonElement input, ILambdaContext context)
            {
                invocations++;
                context.Logger.LogLine($"call {invocations}");
                return new { invocations, initRuns, name = input.GetProperty("name").GetString() };
            }
            """);

        using var emitted = new EmittedAssembly(result);
        var submission = await emitted.InitAsync();
        Assert.Equal("Submission#0", submission!.GetType().FullName);

        var context = new TestLambdaContext();
        var input = JsonDocument.Parse("""{"name":"ada"}""").RootElement;
        await emitted.InvokeAsync(submission, input, context);
        var second = await emitted.InvokeAsync(submission, input, context);

        Assert.Equal("""{"invocations":2,"initRuns":1,"name":"ada"}""", JsonSerializer.Serialize(second));
        Assert.Equal(["call 1", "call 2"], context.TestLogger.Lines);
    }

    [Fact]
    public async Task Static_Handler_becomes_a_static_method_of_the_submission()
    {
        var result = await Compilers.CompileAsync("static string Handler(string input) => input.ToUpperInvariant();");

        using var emitted = new EmittedAssembly(result);
        Assert.True(emitted.Handler.IsStatic);
        Assert.Equal("ABC", await emitted.InvokeAsync(null, "abc"));
    }

    [Fact]
    public async Task Exception_in_Handler_reports_the_users_line_in_handler_cs()
    {
        var result = await Compilers.CompileAsync("""
            int Handler()
            {
                throw new InvalidOperationException("boom");
            }
            """);

        using var emitted = new EmittedAssembly(result);
        var submission = await emitted.InitAsync();
        var thrown = await Assert.ThrowsAsync<TargetInvocationException>(() => emitted.InvokeAsync(submission));

        Assert.IsType<InvalidOperationException>(thrown.InnerException);
        Assert.Contains("handler.cs:line 3", thrown.InnerException.StackTrace);
    }

    [Fact]
    public async Task Exception_in_Init_faults_the_factory_task_with_the_users_line()
    {
        var result = await Compilers.CompileAsync("""
            var ok = 1;

            var bad = int.Parse("not a number");
            void Handler() { }
            """);

        using var emitted = new EmittedAssembly(result);
        var thrown = await Assert.ThrowsAsync<FormatException>(emitted.InitAsync);

        Assert.Contains("handler.cs:line 3", thrown.StackTrace);
    }

    [Fact]
    public async Task Linq_and_JsonSerializer_are_usable_without_usings()
    {
        var result = await Compilers.CompileAsync("""
            var total = Enumerable.Range(1, 3).Sum();
            async Task<string> Handler(JsonNode input)
            {
                await Task.Yield();
                var words = new List<string> { "a", "bb" }.Where(w => w.Length > 1);
                return JsonSerializer.Serialize(new { total, words, input = input["x"]!.GetValue<int>() });
            }
            """);

        using var emitted = new EmittedAssembly(result);
        var submission = await emitted.InitAsync();
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"x":7}""");
        Assert.Equal("""{"total":6,"words":["bb"],"input":7}""", await emitted.InvokeAsync(submission, node));
    }

    [Theory]
    [InlineData("void Handler() { }")]
    [InlineData("int Handler(string input) => input.Length;")]
    [InlineData("Task Handler(Stream input, ILambdaContext context) => Task.CompletedTask;")]
    [InlineData("async ValueTask<int> Handler(int[] input) { await Task.Yield(); return input.Length; }")]
    [InlineData("ValueTask Handler(Dictionary<string, int> input) => ValueTask.CompletedTask;")]
    [InlineData("record Order(string Id, decimal Total);\nasync Task<Order> Handler(Order input, ILambdaContext context) { await Task.Delay(1); return input; }")]
    public async Task Supported_signatures_compile(string code)
    {
        var result = await Compilers.CompileAsync(code);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }

    [Theory]
    [InlineData("#load \"/etc/passwd\"\nvoid Handler() { }", "CS8099")]
    [InlineData("#r \"/usr/share/dotnet/sdk/Microsoft.Build.dll\"\nvoid Handler() { }", "CS7099")]
    public async Task Directives_that_read_files_of_the_host_are_refused(string code, string id)
    {
        var result = await Compilers.CompileAsync(code);

        Assert.False(result.Success);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal((1, 1), (diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public async Task AspNetCore_types_are_not_referenced_because_the_runtime_lacks_them()
    {
        var result = await Compilers.CompileAsync("void Handler() { var x = typeof(Microsoft.AspNetCore.Http.HttpContext); }");

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "CS0234");
    }
}
