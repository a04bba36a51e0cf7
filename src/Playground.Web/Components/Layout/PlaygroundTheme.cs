using MudBlazor;

namespace Playground.Web.Components.Layout;

/// <summary>The playground's colours: Lambda orange on a calm slate, in a light and a dark palette.</summary>
public static class PlaygroundTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#d9480f",
            Secondary = "#3b5bdb",
            Tertiary = "#0c8599",
            AppbarBackground = "#1f2933",
            AppbarText = "#f8f9fa",
            Background = "#f4f5f7",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            Success = "#2b8a3e",
            Info = "#1c7ed6",
            Warning = "#e67700",
            Error = "#c92a2a",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#ff8a3d",
            Secondary = "#748ffc",
            Tertiary = "#3bc9db",
            AppbarBackground = "#11161c",
            AppbarText = "#e9ecef",
            Background = "#161b22",
            Surface = "#1e252e",
            DrawerBackground = "#1e252e",
            TextPrimary = "#e9ecef",
            TextSecondary = "#adb5bd",
            Success = "#51cf66",
            Info = "#4dabf7",
            Warning = "#ffa94d",
            Error = "#ff6b6b",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "8px" },
    };
}
