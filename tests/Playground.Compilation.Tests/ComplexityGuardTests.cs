namespace Playground.Compilation.Tests;

/// <summary>
/// Code shaped to make Roslyn's work explode is refused before it can take the host down: a stack overflow would end
/// the process, and a runaway compile cannot be killed inside it.
/// </summary>
public class ComplexityGuardTests
{
    private static string Repeat(string text, int count) => string.Concat(Enumerable.Repeat(text, count));

    public static TheoryData<string, string, string> Pathological_code => new()
    {
        // 32,000 nested parentheses overflow an 8 MB stack in the parser and take ~40 s on a large one.
        { "parentheses", "int Handler() => " + new string('(', 32_000) + "1" + new string(')', 32_000) + ";", "Brackets are nested more than 256 levels deep" },
        { "interpolations", "string Handler() => " + Repeat("$\"{", 300) + "1" + Repeat("}\"", 300) + ";", "Brackets are nested more than 256 levels deep" },
        { "unary chain", "bool Handler() => " + new string('!', 60_000) + "true;", "Code is nested more than 2048 levels deep" },
        { "lambdas", "object Handler() => " + Repeat("() => ", 100) + "1;", "Lambdas are nested more than 64 levels deep" },
        { "generics", "object Handler() => default(" + Repeat("List<", 40) + "int" + new string('>', 40) + ");", "Type arguments are nested more than 32 levels deep" },
        { "query", "object Handler() => from a in new[] { 1 } " + Repeat("let b = 1 ", 70) + "select a;", "A query has more than 64 clauses" },
        { "array ranks", "object Handler() => new int" + Repeat("[]", 40) + " { };", "An array type has more than 32 dimensions" },
        { "switch arms", "int Handler(int o) => o switch { " + string.Concat(Enumerable.Range(0, 600).Select(i => $"{i} => 1, ")) + "_ => 0 };", "A switch has more than 512 cases" },
    };

    [Theory]
    [MemberData(nameof(Pathological_code))]
    public async Task Pathological_code_is_refused_with_PG0006(string shape, string code, string message)
    {
        var result = await Compilers.CompileAsync(code);

        Assert.False(result.Success, shape);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal("PG0006", error.Id);
        Assert.StartsWith(message, error.Message);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public async Task Refusal_points_at_the_construct_that_crossed_the_limit()
    {
        var result = await Compilers.CompileAsync("var x = 1;\nobject Handler() => " + Repeat("() => ", 65) + "1;");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("PG0006", 2, 1 + "object Handler() => ".Length + 64 * "() => ".Length), (error.Id, error.Line, error.Column));
    }

    [Fact]
    public async Task Deep_but_realistic_code_compiles()
    {
        var result = await Compilers.CompileAsync(
            "object Handler() => new[] { 1 }.AsEnumerable()" + Repeat(".Select(x => x + 1)", 200) + ".ToList();\n"
            + "string Name(int o) => o switch { " + string.Concat(Enumerable.Range(0, 300).Select(i => $"{i} => \"n{i}\", ")) + "_ => \"\" };\n"
            + "object Nested() => " + Repeat("() => ", 20) + "1;\n"
            + "Dictionary<string, List<Dictionary<int, (string, List<int>)>>> Map() => new();");

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
    }
}
