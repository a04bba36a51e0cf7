using Playground.Execution.Functions;
using Playground.Web.Components.Settings;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Settings;

public sealed class SettingsPanelTests : ComponentTest
{
    private static readonly FunctionLimits Limits = new(MaxReservedConcurrency: 1000, MaxKeepWarmSeconds: 7200);

    [Fact]
    public void Settings_in_range_show_no_error()
    {
        var panel = Render<SettingsPanel>(p => p.Add(x => x.Settings, new FunctionSettings()).Add(x => x.Limits, Limits));

        Assert.Empty(panel.FindAll("[data-testid=settings-errors]"));
        Assert.Empty(panel.FindAll(".mud-input-error"));
    }

    [Fact]
    public void A_setting_out_of_range_shows_lambdas_message_under_its_field()
    {
        var settings = new FunctionSettings { MemorySize = 64, Timeout = 901 };

        var panel = Render<SettingsPanel>(p => p.Add(x => x.Settings, settings).Add(x => x.Limits, Limits));

        Assert.Contains("memorySize must be between 128 and 10240 MB; got 64.", panel.Markup);
        Assert.Contains("timeout must be between 1 and 900 seconds; got 901.", panel.Markup);
        Assert.Contains("Fix the settings to invoke", panel.Find("[data-testid=settings-errors]").TextContent);
    }

    [Fact]
    public void Typing_a_value_out_of_range_reports_the_change_and_the_message_at_once()
    {
        FunctionSettings? reported = null;
        var panel = Render<SettingsPanel>(p => p
            .Add(x => x.Settings, new FunctionSettings())
            .Add(x => x.Limits, Limits)
            .Add(x => x.SettingsChanged, s => reported = s));

        panel.Find("[data-testid=setting-recycleChance] input, input[data-testid=setting-recycleChance]").Input("1.5");

        Assert.Equal(1.5, reported?.RecycleChance);
        Assert.Contains("recycleChance must be between 0 and 1; got 1.5.", panel.Markup);
    }

    [Fact]
    public void Reserved_concurrency_names_this_servers_limit()
    {
        var panel = Render<SettingsPanel>(p => p.Add(x => x.Settings, new FunctionSettings { ReservedConcurrency = 1001 }).Add(x => x.Limits, Limits));

        Assert.Contains("reservedConcurrency must be between 0 and 1000; got 1001.", panel.Markup);
    }
}
