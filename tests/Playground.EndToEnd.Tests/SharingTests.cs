using Playground.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Playground.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class SharingTests(PlaygroundBrowser browser)
{
    private const string SharedCode = "// shared with a friend\nvar greeting = \"hello from a snippet\";\n\nobject Handler(JsonElement input) => new { greeting };\n";

    [Fact]
    public async Task A_shared_link_opens_the_same_code_in_another_browser_in_a_fresh_session()
    {
        await using var author = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await author.NewPageAsync());
        await page.OpenAsync();
        await page.SetCodeAsync(SharedCode);
        await page.InvokeAsync();

        var url = await ShareAsync(page);

        await using var reader = await browser.NewContextAsync();
        var other = new PlaygroundPageDriver(await reader.NewPageAsync());
        await other.OpenAsync(url);
        Assert.Equal(SharedCode, await other.CodeAsync());
        await Expect(other.Page.GetByTestId("snippet-id")).ToHaveTextAsync(url[(url.LastIndexOf('/') + 1)..]);
        await Expect(other.ContextCards).ToHaveCountAsync(0);

        await other.InvokeAsync();

        await Expect(other.Page.GetByTestId("result-temperature")).ToContainTextAsync("Cold start");
        await Expect(other.Response).ToContainTextAsync("hello from a snippet");
        await Expect(other.Page.Locator("[data-testid=history] tr.pg-history-row")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task A_fork_of_an_edited_snippet_is_a_new_snippet_that_names_its_parent()
    {
        await using var author = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await author.NewPageAsync());
        await page.OpenAsync();
        await page.SetCodeAsync(SharedCode);
        var url = await ShareAsync(page);
        var parent = url[(url.LastIndexOf('/') + 1)..];
        await page.OpenAsync(url);

        await page.SetCodeAsync(SharedCode.Replace("hello", "hi", StringComparison.Ordinal));
        await page.Page.GetByTestId("fork").ClickAsync();

        await Expect(page.Page.GetByTestId("snippet-id")).Not.ToHaveTextAsync(parent, new() { Timeout = PlaygroundPageDriver.Patience });
        await Expect(page.Page.GetByTestId("snippet-bar")).ToContainTextAsync($"forked from {parent}");
        await page.WaitForEditorAsync();
        Assert.Contains("hi from a snippet", await page.CodeAsync());
    }

    [Fact]
    public async Task An_embedded_snippet_runs_in_a_frame_of_another_page_with_a_link_to_the_playground()
    {
        await using var author = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await author.NewPageAsync());
        await page.OpenAsync();
        await page.OpenExampleAsync("cold-start");
        var url = await ShareAsync(page);
        var id = url[(url.LastIndexOf('/') + 1)..];

        await using var tutorial = await browser.NewContextAsync(width: 1000, height: 900);
        var host = await tutorial.NewPageAsync();
        await host.SetContentAsync($"""
            <html><body style="margin:0;padding:16px;font-family:sans-serif;background:#fff">
            <h1 style="font-size:20px">A tutorial about cold starts</h1>
            <iframe src="{browser.Address}embed/{id}" title="Lambda Context Playground" width="100%" height="780" style="border:1px solid #d0d7de;border-radius:8px"></iframe>
            </body></html>
            """);
        var frame = host.FrameLocator("iframe");
        await frame.Locator("[data-testid=code-editor][data-editor-ready=true]").WaitForAsync(new() { Timeout = PlaygroundPageDriver.Patience });
        await Expect(frame.GetByTestId("open-in-playground")).ToHaveAttributeAsync("href", $"s/{id}");
        await Expect(frame.GetByTestId("timeline")).ToHaveCountAsync(0);

        await frame.GetByTestId("invoke").ClickAsync();

        await Expect(frame.GetByTestId("result-status")).ToHaveTextAsync("Succeeded", new() { Timeout = PlaygroundPageDriver.Patience });
        await Expect(frame.Locator("[data-testid=context-card][data-phase=Frozen]")).ToHaveCountAsync(1, new() { Timeout = PlaygroundPageDriver.Patience });
        await Screenshots.SaveAsync(host, "embed.png");
    }

    private static async Task<string> ShareAsync(PlaygroundPageDriver page)
    {
        await page.Page.GetByTestId("share").ClickAsync();
        var field = page.Page.Locator("[data-testid=share-url] input, input[data-testid=share-url]").First;
        await Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("/s/[A-Za-z0-9_-]+$"), new() { Timeout = PlaygroundPageDriver.Patience });
        var url = await field.InputValueAsync();
        await page.Page.GetByTestId("share-close").ClickAsync();
        return url;
    }
}
