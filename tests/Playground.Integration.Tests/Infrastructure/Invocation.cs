using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>What one call of the Invoke API answered.</summary>
public sealed record Invocation(HttpStatusCode Status, string Body, string? FunctionError, string? ContextId, bool Cold, string Log, string? Version)
{
    public JsonNode Json => JsonNode.Parse(Body)!;

    public string? ReportLine => Log.Split('\n').FirstOrDefault(line => line.StartsWith("REPORT ", StringComparison.Ordinal));

    public static async Task<Invocation> ReadAsync(HttpResponseMessage response)
    {
        string? Header(string name) => response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
        var tail = Header("X-Amz-Log-Result");
        return new Invocation(
            response.StatusCode,
            await response.Content.ReadAsStringAsync(),
            Header("X-Amz-Function-Error"),
            Header("X-Playground-Context-Id"),
            Header("X-Playground-Cold") == "true",
            tail is null ? string.Empty : Encoding.UTF8.GetString(Convert.FromBase64String(tail)),
            Header("X-Amz-Executed-Version"));
    }

    public override string ToString() => $"{(int)Status} {Body}\n{Log}";
}
