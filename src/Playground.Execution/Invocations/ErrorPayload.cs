using System.Text.Json;

namespace Playground.Execution.Invocations;

/// <summary>Lambda's function error body: <c>{ "errorMessage", "errorType", "stackTrace" }</c>.</summary>
internal static class ErrorPayload
{
    public static byte[] Create(string errorType, string errorMessage, IReadOnlyList<string>? stackTrace = null)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("errorMessage", errorMessage);
            writer.WriteString("errorType", errorType);
            if (stackTrace is { Count: > 0 })
            {
                writer.WriteStartArray("stackTrace");
                foreach (var line in stackTrace)
                {
                    writer.WriteStringValue(line);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
