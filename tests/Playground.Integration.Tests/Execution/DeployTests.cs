using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class DeployTests(PlaygroundServer server)
{
    [Fact]
    public async Task A_deploy_of_changed_code_makes_the_next_invoke_cold_on_a_new_version()
    {
        using var client = await server.NewSessionAsync();
        var v1 = await client.DeployAsync("greeter", "object Handler() => \"hello\";");
        await client.InvokeAsync("greeter");
        var warm = await client.InvokeAsync("greeter");

        var again = await client.DeployAsync("greeter", "object Handler() => \"hello\";");
        var stillWarm = await client.InvokeAsync("greeter");
        var v2 = await client.DeployAsync("greeter", "object Handler() => \"bonjour\";");
        var afterUpdate = await client.InvokeAsync("greeter");

        Assert.False(warm.Cold);
        Assert.Equal(1, (int)v1["version"]!);
        Assert.Equal(1, (int)again["version"]!);
        Assert.False(stillWarm.Cold);
        Assert.Equal(2, (int)v2["version"]!);
        Assert.True(afterUpdate.Cold);
        Assert.Equal("\"bonjour\"", afterUpdate.Body);
        Assert.Equal("2", afterUpdate.Version);
        Assert.NotEqual(warm.ContextId, afterUpdate.ContextId);
        Assert.Contains("Init Duration", afterUpdate.ReportLine);
    }

    [Fact]
    public async Task A_compile_error_answers_400_with_line_and_column_and_runs_nothing()
    {
        using var client = await server.NewSessionAsync();
        using var response = await client.PutFunctionAsync("broken", """
            var ready = true;

            object Handler(JsonElement input)
            {
                return undefinedThing;
            }
            """);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var error = body["diagnostics"]!.AsArray().Single(d => (string)d!["severity"]! == "Error")!;
        Assert.Equal("CS0103", (string)error["id"]!);
        Assert.Equal(5, (int)error["line"]!);
        Assert.Equal(12, (int)error["column"]!);
        Assert.Contains("undefinedThing", (string)error["message"]!);

        using var contexts = await client.Http.GetAsync("/api/functions/broken/contexts");
        Assert.Equal(HttpStatusCode.NotFound, contexts.StatusCode);
        var invoke = await client.InvokeAsync("broken");
        Assert.Equal(HttpStatusCode.NotFound, invoke.Status);
    }

    [Fact]
    public async Task Out_of_range_settings_answer_400_naming_the_field_and_its_range()
    {
        using var client = await server.NewSessionAsync();
        using var response = await client.PutFunctionAsync("f", "object Handler() => 1;", new { memorySize = 64, timeout = 901 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("memorySize must be between 128 and 10240 MB", body);
        Assert.Contains("timeout must be between 1 and 900 seconds", body);
    }
}
