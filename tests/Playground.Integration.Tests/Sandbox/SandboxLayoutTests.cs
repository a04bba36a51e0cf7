using Playground.Execution.Sandbox;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>The bubblewrap command line itself: what it asks of bubblewrap, and what it must never mention.</summary>
public sealed class SandboxLayoutTests
{
    private static readonly RuntimeFiles Staged = new(
        "/tmp/playground-1-abc/runtime", "Playground.Runtime.dll", "/usr/share/dotnet", "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0");

    [Fact]
    public void The_command_line_names_no_server_path_and_covers_one_that_lies_below_a_bound_host_folder()
    {
        var arguments = SandboxLayout.Arguments(
            Staged, "/tmp/playground-1-abc/context1", "/tmp/playground-1-abc/etc", new SandboxSpec(512, 256), disableNestedUserNamespaces: true,
            hiddenPaths: [AppContext.BaseDirectory.TrimEnd('/'), "/usr/lib/playground-app"]);

        Assert.DoesNotContain(arguments, argument => argument.Contains(AppContext.BaseDirectory.TrimEnd('/'), StringComparison.Ordinal));
        Assert.Equal(["--tmpfs", "/usr/lib/playground-app", "--remount-ro", "/usr/lib/playground-app"], After(arguments, "--tmpfs", "/usr/lib/playground-app", 4));
    }

    [Fact]
    public void The_sandbox_has_every_namespace_no_nested_user_namespaces_a_read_only_root_and_a_sized_tmp()
    {
        var arguments = SandboxLayout.Arguments(
            Staged, "/tmp/playground-1-abc/context1", "/tmp/playground-1-abc/etc", new SandboxSpec(EphemeralStorageMb: 1024, MemorySizeMb: 256),
            disableNestedUserNamespaces: true, hiddenPaths: []);

        Assert.Equal(["--unshare-all", "--unshare-user", "--disable-userns", "--as-pid-1", "--die-with-parent", "--new-session"], arguments.Take(6));
        Assert.Equal(["--size", (1024L * 1024 * 1024).ToString(), "--tmpfs", "/tmp"], After(arguments, "--size", null, 4));
        Assert.Equal(["--remount-ro", "/", "--chdir", "/var/task", "--clearenv"], After(arguments, "--remount-ro", "/", 5));
        Assert.Equal(["--setenv", "DOTNET_GCHeapHardLimit", "0xC000000"], After(arguments, "--setenv", "DOTNET_GCHeapHardLimit", 3));
        Assert.Equal(["--ro-bind", "/tmp/playground-1-abc/runtime", "/var/runtime"], After(arguments, "--ro-bind", "/tmp/playground-1-abc/runtime", 3));
    }

    private static List<string> After(List<string> arguments, string option, string? value, int count)
    {
        for (var i = 0; i < arguments.Count - 1; i++)
        {
            if (arguments[i] == option && (value is null || arguments[i + 1] == value))
            {
                return arguments.Skip(i).Take(count).ToList();
            }
        }

        return [];
    }
}
