namespace Playground.Web.Workspace;

/// <summary>A stored snippet's id and where it opens: as a page, and embedded.</summary>
/// <param name="Created">False when the same content was shared before: a snippet's id comes from its content.</param>
public sealed record SharedSnippet(string Id, string Url, string EmbedUrl, bool Created);
