using Playground.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Playground.EndToEnd.Tests;

/// <summary>
/// Measures, in the browser, how long a lifecycle event takes to show on the page and how long the page takes to
/// load. The figures go to docs/screenshots/measurements.md; they are reported, never asserted.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageMeasurementTests(PlaygroundBrowser browser, ITestOutputHelper output)
{
    // Records when the page first shows the workbench and the editor, relative to the navigation's start.
    private const string LoadProbe = """
        (() => {
          const marks = window.__pgLoad = {};
          const seen = () => {
            if (!marks.workbench && document.querySelector('[data-testid=workbench]')) marks.workbench = performance.now();
            if (!marks.editor && document.querySelector('[data-editor-ready=true]')) marks.editor = performance.now();
          };
          new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-editor-ready'] });
        })();
        """;

    // Each time the contexts panel shows a newer event, how long after the event (server time) the DOM changed.
    private const string LatencyProbe = """
        () => {
          const panel = document.querySelector('[data-testid=contexts]');
          window.__pgLatency = [];
          new MutationObserver(() => {
            const stamp = Number(panel.getAttribute('data-last-event-ms'));
            if (stamp && stamp !== window.__pgLastStamp) {
              window.__pgLastStamp = stamp;
              window.__pgLatency.push(performance.timeOrigin + performance.now() - stamp);
            }
          }).observe(panel, { attributes: true, attributeFilter: ['data-last-event-ms'] });
        }
        """;

    [Fact]
    public async Task Lifecycle_events_reach_the_page_and_the_page_load_is_measured()
    {
        await using var context = await browser.NewContextAsync();
        var raw = await context.NewPageAsync();
        await raw.AddInitScriptAsync(LoadProbe);
        var page = new PlaygroundPageDriver(raw);

        await page.OpenAsync();
        var firstLoad = await LoadFiguresAsync(raw);
        await raw.ReloadAsync();
        await page.WaitForEditorAsync();
        var reload = await LoadFiguresAsync(raw);

        await page.OpenExampleAsync("cold-start");
        await page.InvokeAsync();
        await page.WaitForFrozenContextsAsync(1);
        await raw.EvaluateAsync(LatencyProbe);
        const int invocations = 20;
        for (var i = 0; i < invocations; i++)
        {
            await page.InvokeAsync();
            await Expect(raw.Locator("[data-testid=context-invocations]").First).ToHaveTextAsync((i + 2).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var latency = await raw.EvaluateAsync<double[]>("() => window.__pgLatency");
        Assert.True(latency.Length >= invocations, $"the page showed {latency.Length} event batches for {invocations} invocations");

        var rows = new List<(string, string)>
        {
            ("lifecycle event -> DOM updated, median", Measurements.Format(Measurements.Median(latency))),
            ("lifecycle event -> DOM updated, p90", Measurements.Format(Measurements.Percentile(latency, 0.9))),
            ("lifecycle event -> DOM updated, max", Measurements.Format(latency.Max())),
            ("lifecycle event -> DOM updated, samples", latency.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("first load: DOMContentLoaded", Measurements.Format(firstLoad.DomContentLoaded)),
            ("first load: page interactive (workbench rendered)", Measurements.Format(firstLoad.Workbench)),
            ("first load: editor ready (Monaco loaded)", Measurements.Format(firstLoad.Editor)),
            ("reload: DOMContentLoaded", Measurements.Format(reload.DomContentLoaded)),
            ("reload: page interactive (workbench rendered)", Measurements.Format(reload.Workbench)),
            ("reload: editor ready", Measurements.Format(reload.Editor)),
        };
        Measurements.Write("measurements.md", rows);
        foreach (var (figure, value) in rows)
        {
            output.WriteLine($"{figure}: {value}");
        }
    }

    private static async Task<(double DomContentLoaded, double Workbench, double Editor)> LoadFiguresAsync(Microsoft.Playwright.IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__pgLoad && window.__pgLoad.editor");
        var figures = await page.EvaluateAsync<double[]>(
            "() => [performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd, window.__pgLoad.workbench, window.__pgLoad.editor]");
        return (figures[0], figures[1], figures[2]);
    }
}
