using System.Text;
using System.Text.Json;

namespace Playground.Web.Workspace;

/// <summary>The sample event as the page sends it: JSON, with an empty editor meaning <c>{}</c> as in Lambda's console.</summary>
public static class SampleEvent
{
    /// <summary>Why the text is not an event (not JSON), or null.</summary>
    public static string? Problem(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
            return null;
        }
        catch (JsonException exception)
        {
            return $"Not valid JSON: {exception.Message}";
        }
    }

    public static byte[] Payload(string json) => Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(json) ? "{}" : json);
}
