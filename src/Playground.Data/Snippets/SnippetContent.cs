using System.Security.Cryptography;
using System.Text.Json;

namespace Playground.Data.Snippets;

/// <summary>
/// What a snippet's id is derived from: code, sample event, configuration and scenario. JSON is compared in a
/// canonical form (keys sorted, no insignificant whitespace), so reformatting an event does not make a new snippet.
/// </summary>
public sealed record SnippetContent(string Code, string EventJson, string ConfigJson, string? ScenarioJson)
{
    /// <summary>SHA-256 of the canonical content.</summary>
    public byte[] Hash()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("code", Code);
            writer.WritePropertyName("config");
            WriteCanonical(writer, ConfigJson);
            writer.WritePropertyName("event");
            WriteCanonical(writer, EventJson);
            writer.WritePropertyName("scenario");
            if (ScenarioJson is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                WriteCanonical(writer, ScenarioJson);
            }

            writer.WriteEndObject();
        }

        return SHA256.HashData(buffer.ToArray());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, string json)
    {
        using var document = JsonDocument.Parse(json);
        WriteCanonical(writer, document.RootElement);
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteCanonical(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                // Strings are re-escaped by the writer; numbers, true, false and null are kept as written.
                element.WriteTo(writer);
                break;
        }
    }
}
