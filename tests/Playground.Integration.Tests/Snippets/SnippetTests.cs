using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Snippets;

[Collection(ServerCollection.Name)]
public sealed class SnippetTests(PlaygroundServer server)
{
    private const string Code = "var n = 0;\nobject Handler(JsonElement input) => new { n = ++n, tag = \"<b>&\" };";

    private static object Content(string code = Code) => new
    {
        code,
        @event = new { name = "Ada" },
        config = new { memorySize = 256, timeout = 3 },
        scenario = new object[] { new { delayMs = 0, concurrency = 2, count = 4 } },
    };

    [Fact]
    public async Task The_same_snippet_posted_twice_gets_the_same_id_and_a_changed_one_another()
    {
        using var client = await server.NewSessionAsync();

        using var first = await client.Http.PostAsJsonAsync("/api/snippets", Content());
        using var second = await client.Http.PostAsJsonAsync("/api/snippets", Content());
        using var changed = await client.Http.PostAsJsonAsync("/api/snippets", Content(Code + "\n// changed"));
        var firstId = (string)(await Json(first))["id"]!;

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(8, firstId.Length);
        Assert.EndsWith($"/s/{firstId}", (string)(await Json(first))["url"]!);
        Assert.Equal(firstId, (string)(await Json(second))["id"]!);
        Assert.NotEqual(firstId, (string)(await Json(changed))["id"]!);
    }

    [Fact]
    public async Task A_stored_snippet_reads_back_and_its_page_shows_it()
    {
        using var client = await server.NewSessionAsync();
        using var posted = await client.Http.PostAsJsonAsync("/api/snippets", Content());
        var id = (string)(await Json(posted))["id"]!;

        var snippet = JsonNode.Parse(await client.Http.GetStringAsync($"/api/snippets/{id}"))!;
        using var page = await server.CreateClient().GetAsync($"/s/{id}");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(Code, (string)snippet["code"]!);
        Assert.Equal("Ada", (string)snippet["event"]!["name"]!);
        Assert.Equal(256, (int)snippet["config"]!["memorySize"]!);
        Assert.Equal(2, (int)snippet["scenario"]![0]!["concurrency"]!);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("object Handler(JsonElement input) =&gt; new { n = ++n, tag = &quot;&lt;b&gt;&amp;&quot; };", html);
    }

    [Fact]
    public async Task A_fork_remembers_its_parent()
    {
        using var client = await server.NewSessionAsync();
        using var original = await client.Http.PostAsJsonAsync("/api/snippets", Content());
        var parent = (string)(await Json(original))["id"]!;

        using var fork = await client.Http.PostAsJsonAsync("/api/snippets", new { code = Code + "\n// forked", parent });
        var forkId = (string)(await Json(fork))["id"]!;
        var stored = JsonNode.Parse(await client.Http.GetStringAsync($"/api/snippets/{forkId}"))!;
        using var unknownParent = await client.Http.PostAsJsonAsync("/api/snippets", new { code = Code, parent = "zzzzzzzz" });

        Assert.Equal(HttpStatusCode.Created, fork.StatusCode);
        Assert.Equal(parent, (string)stored["parent"]!);
        Assert.Equal(HttpStatusCode.BadRequest, unknownParent.StatusCode);
    }

    [Fact]
    public async Task Code_over_64_KB_and_an_event_over_256_KB_are_refused_with_413_naming_the_limit()
    {
        using var client = await server.NewSessionAsync();

        using var code = await client.Http.PostAsJsonAsync("/api/snippets", new { code = "//" + new string('x', 64 * 1024) });
        using var sampleEvent = await client.Http.PostAsJsonAsync("/api/snippets", new { code = Code, @event = new { blob = new string('x', 256 * 1024) } });
        var codeError = await Json(code);
        var eventError = await Json(sampleEvent);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, code.StatusCode);
        Assert.Equal("code", (string)codeError["limit"]!);
        Assert.Contains("65,536 bytes (64 KB)", (string)codeError["message"]!);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sampleEvent.StatusCode);
        Assert.Equal("event", (string)eventError["limit"]!);
        Assert.Contains("262,144 bytes (256 KB)", (string)eventError["message"]!);
    }

    [Fact]
    public async Task An_unknown_snippet_is_404_with_a_clear_message_on_the_api_and_the_page()
    {
        using var client = await server.NewSessionAsync();

        using var api = await client.Http.GetAsync("/api/snippets/Zz9Zz9Zz");
        using var page = await server.CreateClient().GetAsync("/s/Zz9Zz9Zz");

        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Contains("Snippet not found: Zz9Zz9Zz", (string)(await Json(api))["message"]!);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Contains("Snippet not found", await page.Content.ReadAsStringAsync());
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
}
