using Microsoft.Playwright;
using Playground.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Playground.EndToEnd.Tests;

[Collection(BrowserCollection.Name)]
public sealed class PlaygroundPageTests(PlaygroundBrowser browser)
{
    [Fact]
    public async Task Running_an_example_shows_its_response_and_a_frozen_context()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        await page.OpenExampleAsync("cold-start");

        await page.InvokeAsync();

        await Expect(page.ResultStatus).ToHaveTextAsync("Succeeded");
        await Expect(page.Page.GetByTestId("result-temperature")).ToContainTextAsync("Cold start");
        await Expect(page.Response).ToContainTextAsync("\"invocationsInThisContext\": 1");
        await page.WaitForFrozenContextsAsync(1);
        await Expect(page.Page.Locator("[data-testid=context-card][data-phase=Frozen] [data-testid=frozen-for]")).ToBeVisibleAsync();

        await page.InvokeAsync();

        await Expect(page.Page.GetByTestId("result-temperature")).ToContainTextAsync("Warm");
        await Expect(page.Response).ToContainTextAsync("\"invocationsInThisContext\": 2");
        await Expect(page.Page.Locator("[data-testid=context-card][data-phase=Frozen] [data-testid=context-invocations]")).ToHaveTextAsync("2");
        await Screenshots.SaveAsync(page.Page, "main-page.png");

        await page.Page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.Page.Locator(".mud-layout.pg-dark")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page.Page, "main-page-dark.png");
    }

    [Fact]
    public async Task Force_cold_start_reclaims_the_context_and_the_next_invoke_is_cold()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        await page.InvokeAsync();
        await page.WaitForFrozenContextsAsync(1);

        await page.Page.GetByTestId("force-cold-start").ClickAsync();

        await Expect(page.Page.GetByTestId("reclaim-reason")).ToHaveTextAsync("forced cold start");
        await Expect(page.AliveCards).ToHaveCountAsync(0);
        await page.InvokeAsync();
        await Expect(page.Page.GetByTestId("result-temperature")).ToContainTextAsync("Cold start");
        await page.WaitForFrozenContextsAsync(1);
    }

    [Fact]
    public async Task Invoking_three_at_once_opens_three_contexts()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        await page.OpenExampleAsync("concurrency");

        await page.InvokeManyAsync(3);

        await Expect(page.Page.Locator("[data-testid=batch] [role=listitem]")).ToHaveCountAsync(3);
        await page.WaitForFrozenContextsAsync(3);
        await Expect(page.Page.Locator("[data-testid=timeline-lane]")).ToHaveCountAsync(3);

        // A second round finds the three contexts warm: the lanes go on, no new one starts.
        await page.InvokeManyAsync(3);
        await page.WaitForFrozenContextsAsync(3);
        await Expect(page.Page.Locator("[data-testid=timeline-lane]")).ToHaveCountAsync(3);
        await Expect(page.Page.Locator("[data-testid=batch]")).ToContainTextAsync("warm");
        await Screenshots.SaveAsync(page.Page.GetByTestId("timeline"), "timeline.png");
    }

    [Fact]
    public async Task A_compile_error_shows_a_squiggle_and_the_error()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();

        await page.SetCodeAsync("var count = 0;\n\nobject Handler(JsonElement input)\n{\n    return new { count = count + missing };\n}\n");

        await Expect(page.Page.Locator("[data-testid=diagnostics]")).ToContainTextAsync("CS0103");
        await Expect(page.Page.Locator("[data-testid=diagnostics]")).ToContainTextAsync("line 5");
        await Expect(page.CodeEditor.Locator(".squiggly-error")).Not.ToHaveCountAsync(0);

        await page.Page.GetByTestId("invoke").ClickAsync();

        await Expect(page.Page.GetByTestId("result-problem")).ToContainTextAsync("does not compile");
        await Expect(page.Page.GetByTestId("result-problem")).ToContainTextAsync("missing");
    }

    [Fact]
    public async Task An_exception_marks_its_line_in_the_editor()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        await page.SetCodeAsync("object Handler(JsonElement input)\n{\n    var items = new int[0];\n    return items[3];\n}\n");
        await Expect(page.Page.Locator("[data-testid=diagnostics]")).ToHaveCountAsync(0);

        await page.InvokeAsync();

        await Expect(page.ResultStatus).ToHaveTextAsync("Function error");
        await Expect(page.Page.GetByTestId("result-error")).ToContainTextAsync("IndexOutOfRangeException");
        await Expect(page.Page.GetByTestId("result-error")).ToContainTextAsync("line 4");
        await Expect(page.CodeEditor.Locator(".pg-error-line")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task The_history_lists_the_sessions_invocations_and_a_click_shows_one()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        await page.InvokeAsync();
        var first = await page.LastRequestIdAsync();
        await page.InvokeAsync();

        var rows = page.Page.Locator("[data-testid=history] tr.pg-history-row");
        await Expect(rows).ToHaveCountAsync(2);
        await page.Page.ReloadAsync();
        await page.WaitForEditorAsync();
        await Expect(rows).ToHaveCountAsync(2, new() { Timeout = PlaygroundPageDriver.Patience });
        await Expect(rows.Nth(1)).ToContainTextAsync("cold");

        await rows.Nth(1).ClickAsync();

        await Expect(page.Page.GetByTestId("history-detail")).ToHaveAttributeAsync("data-request-id", first!);
        await Expect(page.Page.GetByTestId("history-response")).ToContainTextAsync("\"invocationsInThisContext\": 1");
        await Expect(page.Page.Locator("[data-testid=history-detail] [data-testid=log]")).ToContainTextAsync($"START RequestId: {first}");
    }

    [Fact]
    public async Task The_code_is_kept_across_a_reload()
    {
        await using var context = await browser.NewContextAsync();
        var page = new PlaygroundPageDriver(await context.NewPageAsync());
        await page.OpenAsync();
        const string code = "// kept across reloads\nobject Handler() => \"still here\";\n";
        await page.SetCodeAsync(code);
        await Expect(page.Page.Locator("[data-testid=diagnostics]")).ToHaveCountAsync(0);
        await page.Page.WaitForFunctionAsync("() => (localStorage.getItem('playground.draft') || '').includes('kept across reloads')");

        await page.Page.ReloadAsync();
        await page.WaitForEditorAsync();

        Assert.Equal(code, await page.CodeAsync());
    }
}
