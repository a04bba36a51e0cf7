using Microsoft.Playwright;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One server and one headless Debian chromium for all browser tests; each test opens its own browser context
/// (cookies, storage), so each is a session of its own.
/// </summary>
public sealed class PlaygroundBrowser : IAsyncLifetime
{
    private IPlaywright? playwright;

    public BrowserServer Server { get; } = new();

    public IBrowser Browser { get; private set; } = default!;

    public Uri Address => Server.Address;

    public async Task InitializeAsync()
    {
        Server.Start();
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context: no cookie, no localStorage, a new session on its first page.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 900) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Address.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
