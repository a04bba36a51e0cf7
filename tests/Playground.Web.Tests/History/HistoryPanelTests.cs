using Playground.Web.Components.History;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.History;

public sealed class HistoryPanelTests : ComponentTest
{
    private static HistoryRow Row(int i, string status = "Success", bool cold = false) => new(
        $"{i:D8}-0000-4000-8000-000000000000", 1, $"ctx{i % 7:D9}", cold, status, status == "Success" ? null : "Exception",
        T0.AddSeconds(-i), cold ? 180 : null, 4.2, 512, 41);

    [Fact]
    public void A_thousand_rows_render_only_what_fits_on_screen()
    {
        var rows = Enumerable.Range(0, 1000).Select(i => Row(i)).ToList();

        var panel = Render<HistoryPanel>(p => p.Add(x => x.Rows, rows));

        Assert.Equal("1000 invocations", panel.Find("[data-testid=history-count]").TextContent);
        Assert.InRange(panel.FindAll("tr.pg-history-row").Count, 1, 200);
    }

    [Fact]
    public void Filtering_by_cold_keeps_only_cold_starts()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Row(i, cold: i % 10 == 0)).ToList();
        var panel = Render<HistoryPanel>(p => p.Add(x => x.Rows, rows));

        panel.Find("[data-testid=history-cold]").Click();

        Assert.Equal("3 of 30 invocations", panel.Find("[data-testid=history-count]").TextContent);
        Assert.All(panel.FindAll("tr.pg-history-row"), row => Assert.Contains("cold", row.TextContent));
    }

    [Fact]
    public void Filtering_by_text_finds_a_request_or_a_context()
    {
        var rows = Enumerable.Range(0, 30).Select(i => Row(i, status: i == 12 ? "Timeout" : "Success")).ToList();
        var panel = Render<HistoryPanel>(p => p.Add(x => x.Rows, rows));

        panel.Find("[data-testid=history-text] input, input[data-testid=history-text]").Input("00000012");

        panel.WaitForAssertion(() => Assert.Equal("1 of 30 invocations", panel.Find("[data-testid=history-count]").TextContent));
    }

    [Fact]
    public void A_click_on_a_row_shows_its_event_response_and_log()
    {
        var rows = Enumerable.Range(0, 5).Select(i => Row(i)).ToList();
        var panel = Render<HistoryPanel>(p => p
            .Add(x => x.Rows, rows)
            .Add(x => x.LoadDetail, id => Task.FromResult<HistoryDetail?>(new HistoryDetail(id, "{\"name\":\"Ada\"}", "{\"ok\":true}", $"START RequestId: {id} Version: 1\nEND RequestId: {id}\n"))));

        panel.FindAll("tr.pg-history-row")[2].Click();

        var detail = panel.Find("[data-testid=history-detail]");
        Assert.Equal(rows[2].RequestId, detail.GetAttribute("data-request-id"));
        Assert.Contains("\"name\":\"Ada\"", detail.TextContent);
        Assert.Equal("{\"ok\":true}", panel.Find("[data-testid=history-response]").TextContent);
        Assert.Contains("log-start", panel.Find("[data-testid=log]").InnerHtml);
    }
}
