using System.Text;
using Playground.Execution.Invocations;
using Playground.Web.Components.Result;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Result;

public sealed class ResultPanelTests : ComponentTest
{
    private static InvocationView View(InvocationStatus status, bool cold, string payload, string log = "") => InvocationView.From(new InvocationResult
    {
        RequestId = "0f9c2b1e-1111-4000-8000-000000000000",
        Status = status,
        Payload = Encoding.UTF8.GetBytes(payload),
        ErrorType = status == InvocationStatus.Success ? null : "InvalidOperationException",
        FunctionName = "playground",
        Version = 1,
        ContextId = "3b7929ee93a5",
        Cold = cold,
        InitDurationMs = cold ? 312.4 : null,
        DurationMs = 4.25,
        BilledDurationMs = 5,
        MemorySizeMb = 512,
        MaxMemoryUsedMb = 41,
        Log = log,
        StartedAt = T0,
    });

    [Fact]
    public void A_cold_start_shows_its_init_and_durations_at_a_glance()
    {
        var panel = Render<ResultPanel>(p => p.Add(x => x.Current, View(InvocationStatus.Success, cold: true, "{\"ok\":true}")));

        Assert.Equal("Succeeded", panel.Find("[data-testid=result-status]").TextContent.Trim());
        Assert.Equal("Cold start", panel.Find("[data-testid=result-temperature]").TextContent.Trim());
        var summary = panel.Find("[data-testid=result-summary]").TextContent;
        Assert.Contains("Init 312 ms", summary);
        Assert.Contains("Duration 4.3 ms", summary);
        Assert.Contains("Billed 5 ms", summary);
        Assert.Contains("41 / 512 MB", summary);
        Assert.Contains("3b7929", summary);
        Assert.Equal("{\n  \"ok\": true\n}", panel.Find("[data-testid=response]").TextContent.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void An_error_names_its_type_message_and_line()
    {
        var error = """{"errorMessage":"boom","errorType":"InvalidOperationException","stackTrace":["at Submission#0.Handler() in handler.cs:line 7"]}""";

        var panel = Render<ResultPanel>(p => p.Add(x => x.Current, View(InvocationStatus.FunctionError, cold: false, error)));

        Assert.Equal("Warm", panel.Find("[data-testid=result-temperature]").TextContent.Trim());
        var alert = panel.Find("[data-testid=result-error]").TextContent;
        Assert.Contains("InvalidOperationException: boom", alert);
        Assert.Contains("line 7, marked in the editor", alert);
    }

    [Fact]
    public void The_log_sets_lambdas_own_lines_apart_from_the_functions()
    {
        var log = "START RequestId: r Version: 1\ncall 1\nEND RequestId: r\nREPORT RequestId: r\tDuration: 4.25 ms\n";

        var panel = Render<LogView>(p => p.Add(x => x.Text, log));

        var kinds = panel.FindAll("[data-testid=log] span").Select(s => s.ClassName).ToList();
        Assert.Equal(["log-start", "log-line", "log-end", "log-report"], kinds);
    }

    [Fact]
    public void While_nothing_ran_the_panel_says_how_to_start()
    {
        var panel = Render<ResultPanel>();

        Assert.Contains("The first invoke is a cold start.", panel.Markup);
    }
}
