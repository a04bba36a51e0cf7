using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Playground.Benchmarks;

/// <summary>One session's client of the playground's HTTP API, over one kept-alive connection pool.</summary>
public sealed class PlaygroundApi : IDisposable
{
    private readonly HttpClient http;

    private PlaygroundApi(HttpClient http) => this.http = http;

    public static async Task<PlaygroundApi> OpenAsync(Uri address)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseCookies = false })
        {
            BaseAddress = address,
            Timeout = TimeSpan.FromMinutes(5),
        };
        using var first = await http.GetAsync("/api/functions");
        http.DefaultRequestHeaders.Add("X-Playground-Session", first.Headers.GetValues("X-Playground-Session").Single());
        return new PlaygroundApi(http);
    }

    public async Task<JsonNode> DeployAsync(string name, string code, object? config = null)
    {
        using var response = await http.PutAsJsonAsync($"/api/functions/{name}", new { code, config = config ?? new { } });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"deploy of {name} answered {(int)response.StatusCode}: {body}");
        }

        return JsonNode.Parse(body)!;
    }

    /// <summary>Invokes and returns the round-trip time in milliseconds; throws unless the answer is a 200 without function error.</summary>
    public async Task<double> InvokeAsync(string name, string payload = "{}")
    {
        using var content = new StringContent(payload, Encoding.UTF8, "application/json");
        var started = Stopwatch.GetTimestamp();
        using var response = await http.PostAsync($"/2015-03-31/functions/{name}/invocations", content);
        await response.Content.LoadIntoBufferAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!response.IsSuccessStatusCode || response.Headers.Contains("X-Amz-Function-Error"))
        {
            throw new InvalidOperationException($"invoke of {name} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return elapsed;
    }

    public async Task<double> HealthAsync()
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await http.GetAsync("/healthz");
        await response.Content.LoadIntoBufferAsync();
        response.EnsureSuccessStatusCode();
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    public async Task ReclaimAsync(string name)
    {
        using var response = await http.DeleteAsync($"/api/functions/{name}/contexts");
        response.EnsureSuccessStatusCode();
    }

    public async Task<JsonArray> ContextsAsync(string name) =>
        JsonNode.Parse(await http.GetStringAsync($"/api/functions/{name}/contexts"))!.AsArray();

    public Task<Stream> EventsAsync(CancellationToken cancellationToken) => http.GetStreamAsync("/api/events", cancellationToken);

    public void Dispose() => http.Dispose();
}
