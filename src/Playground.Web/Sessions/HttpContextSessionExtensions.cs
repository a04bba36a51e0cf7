namespace Playground.Web.Sessions;

public static class HttpContextSessionExtensions
{
    public static string SessionId(this HttpContext context) =>
        context.Features.Get<PlaygroundSession>()?.Id ?? throw new InvalidOperationException("the request passed no session middleware");
}
