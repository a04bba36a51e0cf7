using Playground.Execution.Freezing;
using Playground.Execution.Sandbox;
using Playground.Web.Components.Layout;
using Playground.Web.Tests.Infrastructure;

namespace Playground.Web.Tests.Layout;

public sealed class IsolationNoticeTests : ComponentTest
{
    private static Isolation Isolation(string sandbox, string freezer, params string[] warnings) => new()
    {
        Sandbox = sandbox,
        HostUser = null,
        DisablesNestedUserNamespaces = sandbox == "bubblewrap",
        Unsandboxed = sandbox == Playground.Execution.Sandbox.Isolation.UnsandboxedName,
        BubblewrapPath = sandbox == "bubblewrap" ? "/usr/bin/bwrap" : null,
        BubblewrapVersion = sandbox == "bubblewrap" ? "bubblewrap 0.8.0" : null,
        UserNamespaces = sandbox == "bubblewrap",
        Freezer = new NamedFreezer(freezer),
        Cgroups = null,
        TmpQuota = sandbox == "bubblewrap" ? "tmpfs" : "none",
        Warnings = warnings,
    };

    [Fact]
    public void The_app_bar_names_the_sandbox_and_the_freezer_in_use()
    {
        var notice = Render<IsolationNotice>(p => p.Add(x => x.Isolation, Isolation("bubblewrap", "cgroup2")).Add(x => x.Compact, true));

        Assert.Equal("bubblewrap · cgroup2 freezer", notice.Find("[data-testid=isolation]").TextContent.Trim());
    }

    [Fact]
    public void Without_a_sandbox_the_page_says_so_loudly()
    {
        var notice = Render<IsolationNotice>(p => p.Add(x => x.Isolation, Isolation("none", "signals", "bwrap was not found.")));

        var alert = notice.Find("[data-testid=isolation-alert]");
        Assert.Contains("No sandbox on this server: handlers cannot run.", alert.TextContent);
        Assert.Contains("bwrap was not found.", alert.TextContent);
    }

    [Fact]
    public void The_unsandboxed_development_mode_is_shown_loudly()
    {
        var isolation = Isolation(Playground.Execution.Sandbox.Isolation.UnsandboxedName, "signals", "no user namespaces.");

        var chip = Render<IsolationNotice>(p => p.Add(x => x.Isolation, isolation).Add(x => x.Compact, true));
        var alert = Render<IsolationNotice>(p => p.Add(x => x.Isolation, isolation)).Find("[data-testid=isolation-alert]");

        Assert.Equal("UNSANDBOXED development mode", chip.Find("[data-testid=isolation]").TextContent.Trim());
        Assert.Contains("UNSANDBOXED DEVELOPMENT MODE: handler code runs on this server with no sandbox.", alert.TextContent);
        Assert.Contains("Never open this server to anyone else.", alert.TextContent);
    }

    [Fact]
    public void With_a_sandbox_the_page_shows_no_alert()
    {
        var notice = Render<IsolationNotice>(p => p.Add(x => x.Isolation, Isolation("bubblewrap", "cgroup1")));

        Assert.Empty(notice.FindAll("[data-testid=isolation-alert]"));
    }

    private sealed class NamedFreezer(string name) : IFreezer
    {
        public string Name => name;

        public CgroupVersion CgroupVersion => CgroupVersion.None;

        public void Prepare(CgroupLayout? layout)
        {
        }

        public void Freeze(FreezeTarget target) => throw new NotSupportedException("a notice never freezes");

        public void Thaw(FreezeTarget target) => throw new NotSupportedException("a notice never thaws");
    }
}
