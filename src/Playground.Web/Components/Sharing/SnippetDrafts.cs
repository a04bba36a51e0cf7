using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Data.Snippets;
using Playground.Web.Api.Functions;
using Playground.Web.Components.Settings;
using Playground.Web.Workspace;

namespace Playground.Web.Components.Sharing;

/// <summary>A page's draft as a snippet's content and back, with the configuration in Lambda's names as the API stores it.</summary>
public static class SnippetDrafts
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static SnippetContent ToContent(Draft draft) => new(
        draft.Code,
        string.IsNullOrWhiteSpace(draft.Event) ? "{}" : draft.Event,
        JsonSerializer.Serialize(FunctionConfigInput.From(draft.Settings.ToConfiguration()) with { Environment = null }, Json),
        null);

    public static Draft ToDraft(Snippet snippet)
    {
        var config = JsonSerializer.Deserialize<FunctionConfigInput>(snippet.ConfigJson, Json)?.ToConfiguration() ?? new();
        return new Draft(snippet.Code, Indented(snippet.EventJson), FunctionSettings.From(config), null);
    }

    // Stored as posted; shown as people write it.
    private static string Indented(string json)
    {
        try
        {
            return JsonNode.Parse(json)?.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) ?? json;
        }
        catch (JsonException)
        {
            return json;
        }
    }
}
