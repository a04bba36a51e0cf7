using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Playground.Data.Snippets;
using Playground.Web.Api.Functions;

namespace Playground.Web.Api.Snippets;

/// <summary>
/// Snippets: <c>POST /api/snippets</c> stores code, sample event, configuration and an optional scenario, and answers
/// with an id derived from the content; <c>GET /api/snippets/{id}</c> reads one. A fork is a POST naming its
/// <c>parent</c>. Snippets belong to nobody: whoever has the link can read one, and nobody can change it.
/// </summary>
public static class SnippetEndpoints
{
    private static readonly JsonSerializerOptions ConfigJson = new(JsonSerializerDefaults.Web);

    public static void MapSnippetEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/snippets", CreateAsync);
        routes.MapGet("/api/snippets/{id}", GetAsync);
    }

    /// <summary>Where a snippet is shown: <c>/s/{id}</c> on this server.</summary>
    public static string PageUrl(HttpRequest request, string id) => $"{request.Scheme}://{request.Host}/s/{id}";

    private static async Task<IResult> CreateAsync(HttpContext http, SnippetStore store, IOptions<SnippetOptions> options, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var body = await RequestBody.ReadAsync(http.Request, limits.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge("request", $"The snippet request is over {Bytes(limits.MaxRequestBytes)}. Snippets may have {Bytes(limits.MaxCodeBytes)} of code and a {Bytes(limits.MaxEventBytes)} event.", limits.MaxRequestBytes);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            return ApiError.BadRequest($"The request body is not JSON: {exception.Message} Expected {{ \"code\": string, \"event\": any JSON, \"config\": {{ ... }}, \"scenario\": [ ... ], \"parent\": id }}.");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code) || code.ValueKind != JsonValueKind.String
                || string.IsNullOrWhiteSpace(code.GetString()))
            {
                return ApiError.BadRequest("code is required: the handler's C# source, as a string.");
            }

            var source = code.GetString()!;
            var codeBytes = Encoding.UTF8.GetByteCount(source);
            if (codeBytes > limits.MaxCodeBytes)
            {
                return TooLarge("code", $"code is {Bytes(codeBytes)}; the limit is {Bytes(limits.MaxCodeBytes)}.", limits.MaxCodeBytes);
            }

            var eventJson = Optional(root, "event") is { } sampleEvent ? sampleEvent.GetRawText() : "{}";
            if (Encoding.UTF8.GetByteCount(eventJson) > limits.MaxEventBytes)
            {
                return TooLarge("event", $"event is {Bytes(Encoding.UTF8.GetByteCount(eventJson))}; the limit is {Bytes(limits.MaxEventBytes)}.", limits.MaxEventBytes);
            }

            var config = Optional(root, "config");
            if (config is { ValueKind: not JsonValueKind.Object })
            {
                return ApiError.BadRequest("config must be an object with Lambda's names: { \"memorySize\": 512, \"timeout\": 3, ... }.");
            }

            if (config is { } configObject && !IsFunctionConfig(configObject, out var problem))
            {
                return ApiError.BadRequest($"config is not a function configuration: {problem}");
            }

            var scenario = Optional(root, "scenario");
            if (scenario is { ValueKind: not JsonValueKind.Array })
            {
                return ApiError.BadRequest("scenario must be an array of invocations (each with its event, delay and concurrency).");
            }

            string? parent = null;
            if (Optional(root, "parent") is { } parentElement)
            {
                parent = parentElement.ValueKind == JsonValueKind.String ? parentElement.GetString() : null;
                if (parent is null || await store.FindAsync(parent, cancellationToken) is null)
                {
                    return ApiError.BadRequest($"parent must be the id of a stored snippet; {parentElement.GetRawText()} is none.");
                }
            }

            var content = new SnippetContent(source, eventJson, config?.GetRawText() ?? "{}", scenario?.GetRawText());
            var (snippet, created) = await store.SaveAsync(content, parent, cancellationToken);
            var url = PageUrl(http.Request, snippet.Id);
            var answer = new { id = snippet.Id, url, parent = snippet.ParentId };
            return created ? Results.Created($"/api/snippets/{snippet.Id}", answer) : Results.Ok(answer);
        }
    }

    private static async Task<IResult> GetAsync(string id, HttpContext http, SnippetStore store, CancellationToken cancellationToken) =>
        await store.FindAsync(id, cancellationToken) is { } snippet
            ? Results.Ok(SnippetView.From(snippet, PageUrl(http.Request, snippet.Id)))
            : ApiError.NotFound(NotFoundMessage(id));

    public static string NotFoundMessage(string id) =>
        $"Snippet not found: {id}. Snippet ids are case-sensitive; check that the link was copied whole.";

    /// <summary>A property that is there and not null.</summary>
    private static JsonElement? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static bool IsFunctionConfig(JsonElement config, out string problem)
    {
        try
        {
            config.Deserialize<FunctionConfigInput>(ConfigJson);
            problem = string.Empty;
            return true;
        }
        catch (JsonException exception)
        {
            problem = $"{exception.Path}: {exception.Message}";
            return false;
        }
    }

    private static IResult TooLarge(string limit, string message, int maxBytes) =>
        Results.Json(new { message, limit, maxBytes }, statusCode: StatusCodes.Status413PayloadTooLarge);

    private static string Bytes(int count) => string.Create(CultureInfo.InvariantCulture, $"{count:N0} bytes ({count / 1024.0:0.#} KB)");
}
