using System.Text.Json;
using Amazon.Lambda.Core;

namespace Playground.Runtime;

/// <summary>The client context a caller sent (X-Amz-Client-Context, decoded), in the AWS Mobile SDK's JSON shape.</summary>
internal sealed class ClientContext : IClientContext
{
    private ClientContext(IDictionary<string, string> environment, IClientApplication client, IDictionary<string, string> custom)
    {
        Environment = environment;
        Client = client;
        Custom = custom;
    }

    public IDictionary<string, string> Environment { get; }

    public IClientApplication Client { get; }

    public IDictionary<string, string> Custom { get; }

    /// <summary>Null when the caller sent none, as in Lambda.</summary>
    public static ClientContext? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var client = Property(root, "client");
        return new ClientContext(
            Strings(Property(root, "env")),
            new ClientApplication(
                Text(client, "app_package_name"),
                Text(client, "app_title"),
                Text(client, "app_version_code"),
                Text(client, "app_version_name"),
                Text(client, "installation_id")),
            Strings(Property(root, "custom")));
    }

    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) ? value : null;

    private static string Text(JsonElement? element, string name) =>
        element is { } e && Property(e, name) is { ValueKind: JsonValueKind.String } value ? value.GetString()! : string.Empty;

    private static Dictionary<string, string> Strings(JsonElement? element)
    {
        var result = new Dictionary<string, string>();
        if (element is { ValueKind: JsonValueKind.Object } e)
        {
            foreach (var property in e.EnumerateObject())
            {
                result[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
            }
        }

        return result;
    }

    private sealed record ClientApplication(
        string AppPackageName, string AppTitle, string AppVersionCode, string AppVersionName, string InstallationId) : IClientApplication;
}
