using System.Reflection;

namespace Playground.Compilation.Tests;

public class ClassShapeTests
{
    // The AWS lambda.EmptyFunction template, unchanged.
    private const string AwsTemplate = """
        using Amazon.Lambda.Core;

        // Assembly attribute to enable the Lambda function's JSON input to be converted into a .NET class.
        [assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

        namespace MyFunction;

        public class Function
        {
            /// <summary>
            /// A simple function that takes a string and does a ToUpper
            /// </summary>
            /// <param name="input">The event for the Lambda function handler to process.</param>
            /// <param name="context">The ILambdaContext that provides methods for logging and describing the Lambda environment.</param>
            /// <returns></returns>
            public string FunctionHandler(string input, ILambdaContext context)
            {
                return input.ToUpper();
            }
        }
        """;

    [Fact]
    public async Task Aws_template_class_compiles_with_its_namespace_usings_and_serializer_attribute()
    {
        var result = await Compilers.CompileAsync(AwsTemplate);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.Empty(result.Diagnostics);
        Assert.Equal(new HandlerEntryPoint(HandlerKind.Class, "MyFunction.Function", "FunctionHandler"), result.EntryPoint);

        using var emitted = new EmittedAssembly(result);
        Assert.False(emitted.Handler.IsStatic);
        Assert.NotNull(emitted.Assembly.GetCustomAttribute<Amazon.Lambda.Core.LambdaSerializerAttribute>());
        var function = await emitted.InitAsync();
        Assert.Equal("HELLO", await emitted.InvokeAsync(function, "hello", new TestLambdaContext()));
    }

    [Fact]
    public async Task Constructor_is_the_Init_and_fields_survive_between_invocations()
    {
        var result = await Compilers.CompileAsync("""
            public class Function
            {
                private readonly DateTime started = DateTime.UtcNow;
                private int invocations;

                public async Task<int> FunctionHandler(JsonElement input, ILambdaContext context)
                {
                    await Task.Yield();
                    context.Logger.LogLine($"started {started:O}");
                    return ++invocations + input.GetArrayLength();
                }
            }
            """);

        using var emitted = new EmittedAssembly(result);
        Assert.Equal("Function", result.EntryPoint!.TypeName);
        var function = await emitted.InitAsync();
        var input = System.Text.Json.JsonDocument.Parse("[1,2]").RootElement;
        await emitted.InvokeAsync(function, input, new TestLambdaContext());
        Assert.Equal(4, await emitted.InvokeAsync(function, input, new TestLambdaContext()));
    }

    [Fact]
    public async Task Nested_class_entry_point_uses_the_metadata_name_with_a_plus()
    {
        var result = await Compilers.CompileAsync("""
            namespace Shop.Orders
            {
                public static class Handlers
                {
                    public class Function
                    {
                        public int FunctionHandler() => 42;
                    }
                }
            }
            """);

        Assert.Equal("Shop.Orders.Handlers+Function", result.EntryPoint!.TypeName);
        using var emitted = new EmittedAssembly(result);
        Assert.Equal(42, await emitted.InvokeAsync(await emitted.InitAsync()));
    }

    [Fact]
    public async Task Static_FunctionHandler_needs_no_constructor()
    {
        var result = await Compilers.CompileAsync("""
            namespace Tools;
            public static class Function
            {
                public static string FunctionHandler(string input) => new string(input.Reverse().ToArray());
            }
            """);

        using var emitted = new EmittedAssembly(result);
        Assert.True(emitted.Handler.IsStatic);
        Assert.Equal("cba", await emitted.InvokeAsync(null, "abc"));
    }

    [Fact]
    public async Task Exception_in_FunctionHandler_reports_the_users_line_in_handler_cs()
    {
        var result = await Compilers.CompileAsync("""
            namespace Failing;

            public class Function
            {
                public void FunctionHandler(Stream input)
                {
                    throw new InvalidOperationException("boom");
                }
            }
            """);

        using var emitted = new EmittedAssembly(result);
        var function = await emitted.InitAsync();
        var thrown = await Assert.ThrowsAsync<TargetInvocationException>(() => emitted.InvokeAsync(function, Stream.Null));

        Assert.Contains("handler.cs:line 7", thrown.InnerException!.StackTrace);
    }

    [Fact]
    public async Task User_usings_that_repeat_the_default_imports_raise_no_warnings()
    {
        var result = await Compilers.CompileAsync("""
            using System;
            using System.Linq;
            using System.Text.Json;
            using Amazon.Lambda.Core;

            public class Function
            {
                public int FunctionHandler(int[] input) => input.Sum();
            }
            """);

        Assert.True(result.Success);
        Assert.Empty(result.Diagnostics);
    }
}
