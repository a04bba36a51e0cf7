using System.Text.Json;
using Microsoft.JSInterop;

namespace Playground.Web.Workspace;

/// <summary>
/// Keeps drafts in the browser's localStorage, so that a reload (or a lost connection) never loses the user's code.
/// The server keeps nothing: drafts belong to the browser.
/// </summary>
public sealed class DraftStore(IJSRuntime js)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<Draft?> LoadAsync(string key, CancellationToken cancellationToken)
    {
        var text = await js.InvokeAsync<string?>("playground.storage.load", cancellationToken, key);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Draft>(text, Json) is { Code: not null, Event: not null, Settings: not null } draft ? draft : null;
        }
        catch (JsonException)
        {
            // A draft from an older page that no longer reads is worth less than a working page.
            return null;
        }
    }

    public ValueTask SaveAsync(string key, Draft draft, CancellationToken cancellationToken) =>
        js.InvokeVoidAsync("playground.storage.save", cancellationToken, key, JsonSerializer.Serialize(draft, Json));

    public ValueTask RemoveAsync(string key, CancellationToken cancellationToken) =>
        js.InvokeVoidAsync("playground.storage.remove", cancellationToken, key);
}
