using System.Runtime.Versioning;
using Microsoft.Extensions.Options;
using Playground.Data.History;
using Playground.Data.Sessions;
using Playground.Execution;

namespace Playground.Web.Sessions;

/// <summary>
/// Brings back the sessions of the previous run before the first request, and expires sessions idle past
/// <see cref="SessionExpiryOptions.IdleTimeout"/>: their contexts are reclaimed, and their functions, history and events
/// deleted (nobody can name the session any more, so nobody could read them).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SessionLifetime(
    SessionRegistry registry, SessionStore store, HistoryWriter writer, ExecutionEngine engine, IOptions<SessionExpiryOptions> options,
    TimeProvider time, ILogger<SessionLifetime> logger) : BackgroundService
{
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - options.Value.IdleTimeout;
        var active = await store.ActiveSinceAsync(cutoff, cancellationToken);
        registry.Restore(active);
        foreach (var expired in await store.IdleSinceAsync(cutoff, cancellationToken))
        {
            writer.ForgetSession(expired);
        }

        logger.LogInformation("{Count} sessions restored", active.Count);
        await base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await SweepAsync();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        registry.PersistActivity();
    }

    private async Task SweepAsync()
    {
        registry.PersistActivity();
        var expired = registry.RemoveIdle(time.GetUtcNow() - options.Value.IdleTimeout);
        foreach (var id in expired)
        {
            await engine.EndSessionAsync(id);
            writer.ForgetSession(id);
        }

        // A session id is a bearer secret: it is never logged.
        if (expired.Count > 0)
        {
            logger.LogInformation("{Count} idle sessions expired", expired.Count);
        }
    }
}
