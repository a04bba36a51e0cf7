using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class ShutdownTests
{
    [Theory]
    [InlineData(15)]
    [InlineData(9)]
    public async Task Stopping_the_server_leaves_no_runtime_or_bubblewrap_process_behind(int signal)
    {
        await using var server = await ServerProcess.StartAsync();
        using (var client = server.Client())
        {
            await client.StartSessionAsync();
            await client.DeployAsync("survivor", """
                var spinner = new Thread(() => { while (true) { Thread.SpinWait(1000); } }) { IsBackground = true };
                spinner.Start();
                object Handler() => "started a thread that never ends";
                """);
            await client.InvokeAsync("survivor");
            await Task.WhenAll(client.InvokeAsync("survivor"), client.InvokeAsync("survivor"));
        }

        Assert.NotEmpty(server.SandboxProcesses());

        server.Signal(signal);
        await server.WaitForExitAsync(TimeSpan.FromSeconds(20));

        // SIGTERM: the server stops every context itself. SIGKILL: bubblewrap's --die-with-parent does it.
        var left = server.SandboxProcesses();
        for (var i = 0; i < 40 && left.Count > 0; i++)
        {
            await Task.Delay(50);
            left = server.SandboxProcesses();
        }

        Assert.Empty(left);
    }
}
