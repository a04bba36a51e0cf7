using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.FileProviders;
using MudBlazor.Services;
using Playground.Web.Components;
using Playground.Web.Workspace;

namespace Playground.Web;

/// <summary>The playground page: Blazor Server components, MudBlazor, and the assets from wwwroot-assets/.</summary>
public static class PageHost
{
    /// <summary>Where wwwroot-assets/ is copied next to the app (build and publish alike).</summary>
    public static string AssetsDirectory => Path.Join(AppContext.BaseDirectory, "wwwroot-assets");

    public static IServiceCollection AddPlaygroundPages(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(options =>
        {
            // Bottom right: the toolbar at the top must stay in reach while a message shows.
            options.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight;
            options.SnackbarConfiguration.VisibleStateDuration = 4000;
        });

        // Tutorials embed the playground in iframes of other sites: the page must not forbid framing.
        services.Configure<AntiforgeryOptions>(options => options.SuppressXFrameOptionsHeader = true);
        services.AddScoped<PageSession>();
        services.AddScoped<DraftStore>();
        services.AddScoped<FunctionWorkspace>();
        services.AddScoped<SnippetSharing>();
        services.AddScoped<Components.Sharing.ShareFlow>();
        return services;
    }

    public static void MapPlaygroundPages(this WebApplication app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new PhysicalFileProvider(AssetsDirectory),
            RequestPath = "/assets",
        });
        app.UseAntiforgery();
        app.MapStaticAssets();
        // Tutorials embed the page in iframes of other sites: no frame-ancestors restriction.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(options => options.ContentSecurityFrameAncestorsPolicy = null);
    }

    /// <summary>Pages that belong to the browser's session (the cookie), like the API.</summary>
    public static bool IsPage(PathString path) =>
        path == "/" || IsSnippetPage(path);

    /// <summary>A shared snippet opens in a fresh session: nothing of the visitor's earlier work mixes into it.</summary>
    public static bool IsSnippetPage(PathString path) =>
        path.StartsWithSegments("/s") || path.StartsWithSegments("/embed");
}
