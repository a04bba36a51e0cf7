using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Playground.Execution.Events;

/// <summary>
/// Fans lifecycle events out to subscribers of a session (the page, SSE clients) and to subscribers of all sessions
/// (the history writer). Each subscriber has a bounded queue that drops its oldest events when full: a slow reader
/// must never hold up an invocation.
/// </summary>
public sealed class LifecycleEventHub
{
    private const int QueueCapacity = 4096;
    private readonly ConcurrentDictionary<Subscription, byte> subscriptions = new();

    public Subscription Subscribe(string? sessionId)
    {
        var subscription = new Subscription(this, sessionId);
        subscriptions.TryAdd(subscription, 0);
        return subscription;
    }

    public void Publish(LifecycleEvent lifecycleEvent)
    {
        foreach (var subscription in subscriptions.Keys)
        {
            if (subscription.SessionId is null || subscription.SessionId == lifecycleEvent.SessionId)
            {
                subscription.Queue.Writer.TryWrite(lifecycleEvent);
            }
        }
    }

    /// <summary>One reader's queue; dispose it to stop receiving.</summary>
    public sealed class Subscription : IDisposable
    {
        private readonly LifecycleEventHub hub;

        internal Subscription(LifecycleEventHub hub, string? sessionId)
        {
            this.hub = hub;
            SessionId = sessionId;
            Queue = Channel.CreateBounded<LifecycleEvent>(
                new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
        }

        /// <summary>The session whose events arrive here, or null for all sessions.</summary>
        public string? SessionId { get; }

        internal Channel<LifecycleEvent> Queue { get; }

        public ChannelReader<LifecycleEvent> Reader => Queue.Reader;

        public void Dispose()
        {
            hub.subscriptions.TryRemove(this, out _);
            Queue.Writer.TryComplete();
        }
    }
}
