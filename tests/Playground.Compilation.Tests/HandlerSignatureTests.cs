namespace Playground.Compilation.Tests;

public class HandlerSignatureTests
{
    [Theory]
    [InlineData("void Handler(int a, int b, int c) { }", 1, 6, "Handler must take (), (input) or (input, ILambdaContext); found (int a, int b, int c).")]
    [InlineData("void Handler(string input, string context) { }", 1, 6, "Handler must take (), (input) or (input, ILambdaContext); found (string input, string context).")]
    [InlineData("var x = 1;\nvoid Handler<T>(T input) { }", 2, 6, "Handler must not be generic.")]
    [InlineData("void Handler(int a) { }\nvoid Handler(string b) { }", 2, 6, "Handler is declared more than once: overloads are not supported.")]
    [InlineData("async void Handler() { await Task.Yield(); }", 1, 12, "Handler must not be async void")]
    [InlineData("void Handler(ILambdaContext context) { }", 1, 6, "The input comes first")]
    [InlineData("void Handler(ref int input) { }", 1, 6, "Handler's parameters must not be ref, out or in")]
    [InlineData("Span<int> Handler() => default;", 1, 11, "Handler must not return Span<int>")]
    [InlineData("ref int Handler() => ref field;\nint field;", 1, 9, "Handler must not return by reference.")]
    [InlineData("void Handler(ReadOnlySpan<byte> input) { }", 1, 6, "Handler's input must not be ReadOnlySpan<byte>")]
    public async Task Unsupported_script_Handler_fails_with_PG0002_at_its_name(string code, int line, int column, string message)
    {
        var result = await Compilers.CompileAsync(code);

        AssertSingleHandlerError(result, line, column, message);
    }

    [Theory]
    [InlineData("public class Function\n{\n    private Function() { }\n    public void FunctionHandler() { }\n}", 4, 17, "FunctionHandler's class needs a public parameterless constructor")]
    [InlineData("public class Function(string name)\n{\n    public string FunctionHandler() => name;\n}", 3, 19, "FunctionHandler's class needs a public parameterless constructor")]
    [InlineData("public abstract class Function\n{\n    public void FunctionHandler() { }\n}", 3, 17, "FunctionHandler's class must not be abstract")]
    [InlineData("public class Function<T>\n{\n    public void FunctionHandler() { }\n}", 3, 17, "FunctionHandler's class must not be generic")]
    [InlineData("public class A\n{\n    public void FunctionHandler() { }\n}\npublic class B\n{\n    public void FunctionHandler() { }\n}", 7, 17, "FunctionHandler is declared in more than one class: declare exactly one.")]
    [InlineData("public class A\n{\n    public void FunctionHandler() { }\n    public void FunctionHandler(int x) { }\n}", 4, 17, "FunctionHandler is declared more than once: overloads are not supported.")]
    [InlineData("public class A\n{\n    public void FunctionHandler(int a, int b) { }\n}", 3, 17, "FunctionHandler must take (), (input) or (input, ILambdaContext); found (int a, int b).")]
    [InlineData("public class A\n{\n    public T FunctionHandler<T>(T input) => input;\n}", 3, 14, "FunctionHandler must not be generic.")]
    [InlineData("public record struct A\n{\n    public void FunctionHandler() { }\n}", 3, 17, "FunctionHandler must be declared in a class; A is a record struct.")]
    public async Task Unsupported_FunctionHandler_fails_with_PG0002_at_its_name(string code, int line, int column, string message)
    {
        var result = await Compilers.CompileAsync(code);

        AssertSingleHandlerError(result, line, column, message);
    }

    private static void AssertSingleHandlerError(CompileResult result, int line, int column, string message)
    {
        Assert.False(result.Success);
        Assert.Null(result.Assembly);
        var error = Assert.Single(result.Diagnostics, d => d.Id == "PG0002");
        Assert.Equal("Error", error.Severity);
        Assert.Contains(message, error.Message);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
