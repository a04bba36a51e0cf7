namespace Playground.Web.Api.Snippets;

/// <summary>Limits of snippets (section "Snippets" of appsettings.json).</summary>
public sealed class SnippetOptions
{
    public const string Section = "Snippets";

    /// <summary>Of the code, in UTF-8 bytes.</summary>
    public int MaxCodeBytes { get; set; } = 64 * 1024;

    /// <summary>Of the sample event's JSON, in bytes.</summary>
    public int MaxEventBytes { get; set; } = 256 * 1024;

    /// <summary>Of the whole request body; room for the code (escaped), the event, configuration and scenario.</summary>
    public int MaxRequestBytes { get; set; } = 1024 * 1024;
}
