using Playground.Compilation;
using Playground.Web.Components.Examples;

namespace Playground.Web.Tests.Examples;

public sealed class ExampleCatalogTests
{
    public static TheoryData<string> Ids => new(ExampleCatalog.All.Select(e => e.Id));

    [Theory]
    [MemberData(nameof(Ids))]
    public async Task Every_example_compiles_without_errors_or_warnings(string id)
    {
        var compiler = new HandlerCompiler(new CompilerOptions(), TimeProvider.System);
        var example = ExampleCatalog.Find(id)!;

        var result = await compiler.CompileAsync(example.Code, CancellationToken.None);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Id} {d.Message}")));
        Assert.Empty(result.Diagnostics);
    }

    [Fact]
    public void Every_behaviour_of_the_design_has_an_example_with_valid_settings()
    {
        var limits = new Execution.Functions.FunctionLimits(1000, 7200);

        Assert.Equal(
            ["cold-start", "connection-reuse", "tmp-cache", "background-freeze", "reuse-not-guaranteed", "timeout-reset", "concurrency"],
            ExampleCatalog.All.Select(e => e.Id));
        Assert.All(ExampleCatalog.All, e => Assert.Empty(e.Settings.Errors(limits)));
        Assert.All(ExampleCatalog.All, e => System.Text.Json.JsonDocument.Parse(e.Event).Dispose());
    }
}
