namespace Playground.Web.Sessions;

/// <summary>
/// Opens a shared snippet (<c>/s/{id}</c>, <c>/embed/{id}</c>) in a new session, returned as the cookie, so that
/// whoever opens a link starts from exactly what was shared: no warm contexts or history of earlier work.
/// </summary>
public sealed class FreshSessionMiddleware(RequestDelegate next, SessionRegistry sessions)
{
    public Task InvokeAsync(HttpContext context)
    {
        var id = sessions.Create();
        context.Response.Cookies.Append(SessionMiddleware.CookieName, id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = context.Request.IsHttps,
            IsEssential = true,
            Path = "/",
        });
        context.Features.Set(new PlaygroundSession(id));
        context.Response.Headers[SessionMiddleware.HeaderName] = id;
        return next(context);
    }
}
