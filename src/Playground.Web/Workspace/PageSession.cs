namespace Playground.Web.Workspace;

/// <summary>
/// The session of one page (one Blazor circuit): the session of the request that served the page, handed to the
/// circuit by the root component, so that the page and the browser's API calls share functions and history.
/// </summary>
public sealed class PageSession
{
    private string? id;

    public string Id => id ?? throw new InvalidOperationException("the page's session is not known yet");

    public void Attach(string sessionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(sessionId);
        if (id is not null && id != sessionId)
        {
            throw new InvalidOperationException("a page belongs to one session");
        }

        id = sessionId;
    }
}
