using Microsoft.JSInterop;
using MudBlazor;
using Playground.Web.Workspace;

namespace Playground.Web.Components.Sharing;

/// <summary>What pressing Share does: store the snippet, copy its link, and show the link and the embed code.</summary>
public sealed class ShareFlow(SnippetSharing sharing, IDialogService dialogs, IJSRuntime js)
{
    public async Task<SharedSnippet> ShareAsync(Draft draft, string? parentId, CancellationToken cancellationToken)
    {
        var shared = await sharing.ShareAsync(draft, parentId, cancellationToken);
        var copied = await js.InvokeAsync<bool>("playground.clipboard.copy", cancellationToken, shared.Url);
        var parameters = new DialogParameters<ShareDialog>
        {
            { x => x.Url, shared.Url },
            { x => x.EmbedUrl, shared.EmbedUrl },
            { x => x.Copied, copied },
        };
        await dialogs.ShowAsync<ShareDialog>("Share", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true });
        return shared;
    }
}
