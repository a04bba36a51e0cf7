namespace Playground.Compilation.Tests;

public class DiagnosticsTests
{
    [Fact]
    public async Task Syntax_error_fails_with_its_one_based_line_and_column()
    {
        var result = await Compilers.CompileAsync("""
            var count = 1
            void Handler() { }
            """);

        Assert.False(result.Success);
        Assert.Null(result.Assembly);
        Assert.Null(result.EntryPoint);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CS1002", "Error", "; expected"), (error.Id, error.Severity, error.Message));
        Assert.Equal((1, 14, 1, 14), (error.Line, error.Column, error.EndLine, error.EndColumn));
    }

    [Fact]
    public async Task Semantic_error_fails_at_the_offending_expression()
    {
        var result = await Compilers.CompileAsync("""
            var count = 1;
            int Handler() => "text";
            """);

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("CS0029", error.Id);
        Assert.Equal((2, 18, 2, 24), (error.Line, error.Column, error.EndLine, error.EndColumn));
    }

    [Fact]
    public async Task Semantic_error_in_a_class_is_located_in_the_users_code()
    {
        var result = await Compilers.CompileAsync("""
            namespace X;

            public class Function
            {
                public int FunctionHandler() => missing;
            }
            """);

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CS0103", 5, 37), (error.Id, error.Line, error.Column));
    }

    [Fact]
    public async Task Warnings_are_reported_but_do_not_fail_the_compile()
    {
        var result = await Compilers.CompileAsync("""
            string Handler()
            {
                int unused;
                string text = null;
                return text;
            }
            """);

        Assert.True(result.Success);
        Assert.NotNull(result.Assembly);
        Assert.All(result.Diagnostics, d => Assert.Equal("Warning", d.Severity));
        Assert.Equal(["CS0168", "CS8600", "CS8603"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal([3, 4, 5], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public async Task Diagnostics_are_sorted_by_position()
    {
        var result = await Compilers.CompileAsync("""
            int Handler()
            {
                var a = undefinedOne;
                int unused;
                return undefinedTwo;
            }
            """);

        Assert.Equal(["CS0103", "CS0168", "CS0103"], result.Diagnostics.Select(d => d.Id));
        Assert.Equal([3, 4, 5], result.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public async Task Script_without_Handler_fails_with_PG0001_at_the_start()
    {
        var result = await Compilers.CompileAsync("var x = 1;\nConsole.WriteLine(x);");

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("PG0001", error.Id);
        Assert.Equal(
            "No handler found: declare a top-level function `Handler(input, context)` (script) or a class with a method `FunctionHandler(input, context)`.",
            error.Message);
        Assert.Equal((1, 1), (error.Line, error.Column));
    }

    [Fact]
    public async Task Class_without_FunctionHandler_reports_its_script_errors_and_PG0001()
    {
        var result = await Compilers.CompileAsync("""
            namespace X;
            public class Function
            {
                public string Handle(string input) => input;
            }
            """);

        Assert.False(result.Success);
        Assert.Contains(result.Diagnostics, d => d.Id == "PG0001");
        Assert.Contains(result.Diagnostics, d => d.Id.StartsWith("CS", StringComparison.Ordinal) && d.Line == 1);
    }
}
