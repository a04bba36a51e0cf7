namespace Playground.Web.Sessions;

/// <summary>
/// Opens a shared snippet (<c>/s/{id}</c>, <c>/embed/{id}</c>) in a new session, so that whoever opens a link starts
/// from exactly what was shared: no warm contexts or history of earlier work. <c>/s/{id}</c> makes it the browser's
/// session (the cookie), as the main page's is; an embed's session stays with its frame, so that a tutorial with three
/// embeds has three independent playgrounds and leaves the reader's own session alone.
/// </summary>
public sealed class FreshSessionMiddleware(RequestDelegate next, SessionRegistry sessions)
{
    public Task InvokeAsync(HttpContext context)
    {
        var id = sessions.Create();
        if (!context.Request.Path.StartsWithSegments("/embed"))
        {
            context.Response.Cookies.Append(SessionMiddleware.CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                IsEssential = true,
                Path = "/",
            });
        }

        context.Features.Set(new PlaygroundSession(id));
        context.Response.Headers[SessionMiddleware.HeaderName] = id;
        return next(context);
    }
}
