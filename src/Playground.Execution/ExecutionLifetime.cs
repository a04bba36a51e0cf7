using System.Runtime.Versioning;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Playground.Execution;

/// <summary>
/// Starts the execution core with the server (so isolation is detected and spare contexts start before the first
/// request), sweeps idle and old contexts while it runs, and stops every context when the server stops.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class ExecutionLifetime(ExecutionEngine engine, IOptions<ExecutionOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReclaimSweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                engine.Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await engine.DisposeAsync();
    }
}
