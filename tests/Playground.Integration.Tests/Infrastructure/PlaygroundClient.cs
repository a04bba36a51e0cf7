using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Playground.Integration.Tests.Infrastructure;

/// <summary>The HTTP API of the playground, as one session sees it.</summary>
public sealed class PlaygroundClient(HttpClient http) : IDisposable
{
    public const string SessionHeader = "X-Playground-Session";

    public HttpClient Http => http;

    public string SessionId { get; private set; } = string.Empty;

    public async Task StartSessionAsync()
    {
        using var response = await http.GetAsync("/api/functions");
        SessionId = response.Headers.GetValues(SessionHeader).Single();
        http.DefaultRequestHeaders.Add(SessionHeader, SessionId);
    }

    public async Task<JsonObject> DeployAsync(string name, string code, object? config = null)
    {
        using var response = await PutFunctionAsync(name, code, config);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"deploy of {name} answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    public Task<HttpResponseMessage> PutFunctionAsync(string name, string code, object? config = null) =>
        http.PutAsJsonAsync($"/api/functions/{name}", new { code, config = config ?? new { } });

    public async Task<Invocation> InvokeAsync(string name, object? payload = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/2015-03-31/functions/{name}/invocations")
        {
            Content = new StringContent(JsonSerializer.Serialize(payload ?? new { }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Amz-Log-Type", "Tail");
        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return await Invocation.ReadAsync(response);
    }

    public async Task<JsonArray> ContextsAsync(string name)
    {
        var body = await http.GetStringAsync($"/api/functions/{name}/contexts");
        return JsonNode.Parse(body)!.AsArray();
    }

    public async Task ReclaimContextsAsync(string name)
    {
        using var response = await http.DeleteAsync($"/api/functions/{name}/contexts");
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => http.Dispose();
}
