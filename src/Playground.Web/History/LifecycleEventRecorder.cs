using System.Runtime.Versioning;
using Microsoft.Extensions.Options;
using Playground.Data;
using Playground.Data.Events;
using Playground.Data.History;
using Playground.Execution;
using Playground.Execution.Events;

namespace Playground.Web.History;

/// <summary>
/// Moves the lifecycle events of every session from the hub into the history writer. The hub's queue drops its
/// oldest events when a reader falls behind, so this reader only maps and queues, and never waits for the database.
/// It keeps reading until the execution core has stopped, so the Reclaimed and Gone events of a shutdown are kept.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LifecycleEventRecorder(ExecutionEngine engine, HistoryWriter writer, IOptions<DataOptions> options) : IHostedService
{
    private LifecycleEventHub.Subscription? subscription;
    private Task? pump;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.KeepHistory)
        {
            subscription = engine.Events.Subscribe(sessionId: null);
            pump = Task.Run(() => PumpAsync(subscription), CancellationToken.None);
        }

        return Task.CompletedTask;
    }

    /// <summary>Called after the execution core has stopped (it was registered later): ends the subscription and drains it.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        subscription?.Dispose();
        if (pump is not null)
        {
            await pump.WaitAsync(cancellationToken);
        }
    }

    private async Task PumpAsync(LifecycleEventHub.Subscription events)
    {
        var maxText = options.Value.MaxEventTextBytes;
        await foreach (var e in events.Reader.ReadAllAsync())
        {
            writer.Add(new StoredLifecycleEvent
            {
                SessionId = e.SessionId,
                FunctionName = e.FunctionName,
                ContextId = e.ContextId,
                Version = e.Version,
                Type = e.Type.ToString(),
                At = e.At,
                RequestId = e.RequestId,
                DurationMs = e.DurationMs,
                FrozenForMs = e.FrozenForMs,
                Reason = e.Reason,
                Text = e.Text is null ? null : CappedText.From(e.Text, maxText).Text,
                TmpBytesUsed = e.TmpBytesUsed,
                TmpBytesQuota = e.TmpBytesQuota,
                Cold = e.Cold,
            });
        }
    }
}
