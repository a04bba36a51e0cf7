namespace Playground.Web.Components.Layout;

/// <summary>Light or dark, cascaded from the layout to whatever paints outside MudBlazor (the editors, the timeline).</summary>
public sealed record ThemeMode(bool IsDark)
{
    public string EditorTheme => IsDark ? "vs-dark" : "vs";
}
