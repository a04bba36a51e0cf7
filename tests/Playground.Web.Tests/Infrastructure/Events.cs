using Playground.Execution.Events;

namespace Playground.Web.Tests.Infrastructure;

/// <summary>Lifecycle events of one context as the execution core publishes them, at offsets from <see cref="ComponentTest.T0"/>.</summary>
public sealed class Events(string contextId, int version = 1)
{
    public LifecycleEvent At(double milliseconds, LifecycleEventType type) =>
        new(type, ComponentTest.T0.AddMilliseconds(milliseconds), "session", "playground", contextId, version);

    /// <summary>A cold start: created, Init, one invocation, frozen.</summary>
    public IEnumerable<LifecycleEvent> ColdInvocation(double start = 0, double initMs = 200, double invokeMs = 20)
    {
        yield return At(start, LifecycleEventType.ContextCreated);
        yield return At(start + 5, LifecycleEventType.InitStarted);
        yield return At(start + 5 + initMs, LifecycleEventType.InitCompleted) with { DurationMs = initMs };
        yield return At(start + 5 + initMs, LifecycleEventType.InvokeStarted) with { Cold = true, RequestId = "11111111-aaaa" };
        yield return At(start + 5 + initMs + invokeMs, LifecycleEventType.InvokeCompleted) with { DurationMs = invokeMs, RequestId = "11111111-aaaa" };
        yield return At(start + 5 + initMs + invokeMs, LifecycleEventType.Frozen);
    }

    /// <summary>A warm invocation: thawed, invoked, frozen again.</summary>
    public IEnumerable<LifecycleEvent> WarmInvocation(double start, double frozenForMs, double invokeMs = 5)
    {
        yield return At(start, LifecycleEventType.Thawed) with { FrozenForMs = frozenForMs };
        yield return At(start, LifecycleEventType.InvokeStarted) with { Cold = false, RequestId = "22222222-bbbb" };
        yield return At(start + invokeMs, LifecycleEventType.InvokeCompleted) with { DurationMs = invokeMs, RequestId = "22222222-bbbb" };
        yield return At(start + invokeMs, LifecycleEventType.Frozen);
    }
}
