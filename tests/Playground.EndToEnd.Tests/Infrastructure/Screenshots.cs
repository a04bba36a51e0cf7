using Microsoft.Playwright;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>Writes the pictures the README shows into docs/screenshots/ of the repository the tests run in.</summary>
public static class Screenshots
{
    public static string Directory
    {
        get
        {
            var root = AppContext.BaseDirectory;
            while (root is not null && !File.Exists(Path.Join(root, "Playground.sln")))
            {
                root = Path.GetDirectoryName(root);
            }

            var directory = Path.Join(root ?? throw new DirectoryNotFoundException("Playground.sln not found"), "docs", "screenshots");
            System.IO.Directory.CreateDirectory(directory);
            return directory;
        }
    }

    public static Task SaveAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Join(Directory, name), FullPage = true, Animations = ScreenshotAnimations.Disabled });

    public static Task SaveAsync(ILocator element, string name) =>
        element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Join(Directory, name), Animations = ScreenshotAnimations.Disabled });
}
