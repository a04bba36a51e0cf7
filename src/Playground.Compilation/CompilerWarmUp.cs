using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Playground.Compilation;

/// <summary>Warms Roslyn up in the background at start-up; the host does not wait for it.</summary>
internal sealed partial class CompilerWarmUp(HandlerCompiler compiler, TimeProvider timeProvider, ILogger<CompilerWarmUp> logger) : IHostedService
{
    // Not disposed: hosts may stop a service after disposing the container (the test host does), and a
    // CancellationTokenSource without timers holds nothing that needs releasing.
    private readonly CancellationTokenSource stopping = new();
    private Task warmUp = Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        warmUp = Task.Run(() => WarmUpAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        await warmUp.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            await compiler.WarmUpAsync(cancellationToken).ConfigureAwait(false);
            LogWarmedUp(timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            // Compiles still work, only the first one is slow; but a failed sample usually means a broken reference set.
            LogWarmUpFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Handler compiler warmed up in {ElapsedMs:0} ms")]
    private partial void LogWarmedUp(double elapsedMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Handler compiler warm-up failed")]
    private partial void LogWarmUpFailed(Exception exception);
}
