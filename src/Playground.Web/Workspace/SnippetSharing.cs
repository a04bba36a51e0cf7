using Microsoft.AspNetCore.Components;
using Playground.Data.Snippets;
using Playground.Web.Components.Sharing;

namespace Playground.Web.Workspace;

/// <summary>Share and Fork from the page: the draft becomes an immutable snippet with a link of its own.</summary>
public sealed class SnippetSharing(SnippetStore store, NavigationManager navigation)
{
    /// <param name="parentId">The snippet this one was forked from, if any.</param>
    public async Task<SharedSnippet> ShareAsync(Draft draft, string? parentId, CancellationToken cancellationToken)
    {
        var (snippet, created) = await store.SaveAsync(SnippetDrafts.ToContent(draft), parentId, cancellationToken);
        return new SharedSnippet(
            snippet.Id,
            navigation.ToAbsoluteUri($"s/{snippet.Id}").ToString(),
            navigation.ToAbsoluteUri($"embed/{snippet.Id}").ToString(),
            created);
    }

    public Task<Snippet?> FindAsync(string id, CancellationToken cancellationToken) => store.FindAsync(id, cancellationToken);
}
