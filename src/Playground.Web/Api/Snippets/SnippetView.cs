using System.Text.Json;
using Playground.Data.Snippets;

namespace Playground.Web.Api.Snippets;

/// <summary>A snippet as <c>GET /api/snippets/{id}</c> returns it: event, config and scenario as JSON, not strings.</summary>
public sealed record SnippetView(
    string Id, string Url, string Code, JsonElement Event, JsonElement Config, JsonElement? Scenario, string? Parent, DateTimeOffset CreatedAt)
{
    public static SnippetView From(Snippet snippet, string url) => new(
        snippet.Id,
        url,
        snippet.Code,
        JsonSerializer.Deserialize<JsonElement>(snippet.EventJson),
        JsonSerializer.Deserialize<JsonElement>(snippet.ConfigJson),
        snippet.ScenarioJson is null ? null : JsonSerializer.Deserialize<JsonElement>(snippet.ScenarioJson),
        snippet.ParentId,
        snippet.CreatedAt);
}
