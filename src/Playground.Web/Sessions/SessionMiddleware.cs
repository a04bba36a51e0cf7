namespace Playground.Web.Sessions;

/// <summary>
/// Names the session of every API request: the X-Playground-Session header, the browser's cookie, or the access key
/// id of a SigV4 Authorization header. An unknown or missing session gets a new one, returned in
/// X-Playground-Session (and as a cookie for browsers).
/// </summary>
public sealed class SessionMiddleware(RequestDelegate next, SessionRegistry sessions)
{
    public const string HeaderName = "X-Playground-Session";
    public const string CookieName = "playground-session";

    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        string id;
        if (request.Headers[HeaderName].ToString() is { Length: > 0 } header && sessions.IsKnown(header))
        {
            id = header;
        }
        else if (SigV4Credential.TryGetAccessKeyId(request.Headers.Authorization, out var accessKeyId))
        {
            id = accessKeyId;
        }
        else if (request.Cookies[CookieName] is { Length: > 0 } cookie && sessions.IsKnown(cookie))
        {
            id = cookie;
        }
        else
        {
            id = sessions.Create();
            context.Response.Cookies.Append(CookieName, id, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = request.IsHttps,
                IsEssential = true,
                Path = "/",
            });
        }

        sessions.Touch(id);
        context.Features.Set(new PlaygroundSession(id));
        context.Response.Headers[HeaderName] = id;
        return next(context);
    }
}
