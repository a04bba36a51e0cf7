using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Playground.EndToEnd.Tests.Infrastructure;

/// <summary>The playground page as a reader uses it: open, pick an example, type code, invoke, look at the contexts.</summary>
public sealed class PlaygroundPageDriver(IPage page)
{
    /// <summary>Long enough for a cold start on a busy two-core machine; a wait, never an assertion about time.</summary>
    public const float Patience = 60_000;

    public IPage Page => page;

    public ILocator CodeEditor => page.Locator("[data-testid=code-editor]");

    public ILocator ResultStatus => page.Locator("[data-testid=result-status]");

    public ILocator Response => page.Locator("[data-testid=response]");

    public ILocator ContextCards => page.Locator("[data-testid=context-card]");

    public ILocator AliveCards => page.Locator("[data-testid=context-card]:not(.ended)");

    public async Task OpenAsync(string path = "/")
    {
        await page.GotoAsync(path);
        await WaitForEditorAsync();
    }

    public Task WaitForEditorAsync() =>
        page.Locator("[data-testid=code-editor][data-editor-ready=true]").WaitForAsync(new() { Timeout = Patience });

    public async Task OpenExampleAsync(string id)
    {
        await page.GetByTestId("examples-button").ClickAsync();
        await page.GetByTestId($"open-example-{id}").ClickAsync();
        await page.Locator("[data-testid=lesson]").WaitForAsync();
    }

    public async Task<string> CodeAsync()
    {
        var editor = await CodeEditor.ElementHandleAsync();
        return await page.EvaluateAsync<string>("el => playground.editor.getValue(Number(el.getAttribute('data-editor-id')))", editor);
    }

    /// <summary>Replaces the handler's code the way typing would (the editor reports it to the server once typing pauses).</summary>
    public async Task SetCodeAsync(string code)
    {
        var editor = await CodeEditor.ElementHandleAsync();
        await page.EvaluateAsync("([el, code]) => playground.editor.setValue(Number(el.getAttribute('data-editor-id')), code)", new object[] { editor!, code });
    }

    public async Task InvokeAsync()
    {
        var before = await LastRequestIdAsync();
        await page.GetByTestId("invoke").ClickAsync();
        await WaitForNewResultAsync(before);
    }

    public async Task InvokeManyAsync(int count)
    {
        var before = await LastRequestIdAsync();
        await page.Locator("[data-testid=batch-size] input").FillAsync(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("[data-testid=batch-size] input").PressAsync("Tab");
        await page.GetByTestId("invoke-many").ClickAsync();
        await WaitForNewResultAsync(before);
    }

    public Task<string?> LastRequestIdAsync() => page.GetByTestId("result").GetAttributeAsync("data-request-id");

    /// <summary>The result panel names the request it shows: a new name, a new result.</summary>
    public Task WaitForNewResultAsync(string? before) =>
        page.WaitForFunctionAsync(
            "before => { const id = document.querySelector('[data-testid=result]')?.getAttribute('data-request-id'); return !!id && id !== before; }",
            before ?? string.Empty,
            new() { Timeout = Patience });

    public Task WaitForFrozenContextsAsync(int count) =>
        Assertions.Expect(page.Locator("[data-testid=context-card][data-phase=Frozen]")).ToHaveCountAsync(count, new() { Timeout = Patience });

    public static Regex Containing(string text) => new(Regex.Escape(text));
}
