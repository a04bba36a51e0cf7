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

    public static async Task SaveAsync(IPage page, string name)
    {
        await SettleAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Join(Directory, name), FullPage = true, Animations = ScreenshotAnimations.Disabled });
    }

    public static async Task SaveAsync(ILocator element, string name)
    {
        await SettleAsync(element.Page);
        await element.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Join(Directory, name), Animations = ScreenshotAnimations.Disabled });
    }

    // A picture of the page, not of the pointer's last tooltip or a passing message.
    private static async Task SettleAsync(IPage page)
    {
        await page.Mouse.MoveAsync(0, 0);
        foreach (var close in await page.Locator(".mud-snackbar button").AllAsync())
        {
            await close.ClickAsync();
        }

        await Assertions.Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator(".mud-tooltip.mud-popover-open")).ToHaveCountAsync(0);
    }
}
