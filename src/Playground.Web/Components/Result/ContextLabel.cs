namespace Playground.Web.Components.Result;

/// <summary>Context ids are long; the page shows their first six characters, enough to tell a handful apart.</summary>
public static class ContextLabel
{
    public static string Short(string contextId) => contextId.Length <= 6 ? contextId : contextId[..6];
}
