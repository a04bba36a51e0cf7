using System.Net;
using System.Text;
using Playground.Data.Snippets;
using Playground.Web.Api.Snippets;

namespace Playground.Web.Snippets;

/// <summary>
/// <c>/s/{id}</c>: a shared snippet as a plain page (code, event, configuration, scenario), until the playground's
/// page opens snippets itself; replacing this one file and its mapping is all that takes.
/// </summary>
public static class SnippetPage
{
    public static void MapSnippetPage(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/s/{id}", async (string id, SnippetStore store, CancellationToken cancellationToken) =>
            await store.FindAsync(id, cancellationToken) is { } snippet
                ? Results.Content(Render(snippet), "text/html; charset=utf-8")
                : Results.Content(Page("Snippet not found", $"<p>{Encode(SnippetEndpoints.NotFoundMessage(id))}</p>"), "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound));

    private static string Render(Snippet snippet)
    {
        var body = new StringBuilder();
        body.Append($"<p>Snippet <code>{Encode(snippet.Id)}</code>");
        if (snippet.ParentId is { } parent)
        {
            body.Append($", forked from <a href=\"/s/{Encode(parent)}\">{Encode(parent)}</a>");
        }

        body.Append($" (<a href=\"/api/snippets/{Encode(snippet.Id)}\">JSON</a>)</p>");
        body.Append($"<h2>Code</h2><pre id=\"code\">{Encode(snippet.Code)}</pre>");
        body.Append($"<h2>Event</h2><pre id=\"event\">{Encode(snippet.EventJson)}</pre>");
        body.Append($"<h2>Configuration</h2><pre id=\"config\">{Encode(snippet.ConfigJson)}</pre>");
        if (snippet.ScenarioJson is { } scenario)
        {
            body.Append($"<h2>Scenario</h2><pre id=\"scenario\">{Encode(scenario)}</pre>");
        }

        return Page($"Snippet {snippet.Id}", body.ToString());
    }

    private static string Page(string title, string body) => $"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{Encode(title)} - Lambda Context Playground</title></head>
        <body><h1>{Encode(title)}</h1>{body}</body>
        </html>
        """;

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
