namespace Playground.Web.Sessions;

/// <summary>The session a request belongs to, set by <see cref="SessionMiddleware"/>.</summary>
public sealed record PlaygroundSession(string Id);
