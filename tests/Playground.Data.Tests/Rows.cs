using Playground.Data.Events;
using Playground.Data.Invocations;

namespace Playground.Data.Tests;

/// <summary>Rows as the web app would queue them.</summary>
public static class Rows
{
    public static StoredInvocation Invocation(string session, string function = "counter", string status = "Success", bool cold = false) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        SessionId = session,
        FunctionName = function,
        Version = 1,
        ContextId = "ctx-1",
        Cold = cold,
        Status = status,
        StartedAt = DateTimeOffset.UtcNow,
        DurationMs = 1.5,
        BilledDurationMs = 2,
        MemorySizeMb = 512,
        MaxMemoryUsedMb = 40,
        Request = "{}",
        Response = "{\"ok\":true}",
        Log = "START\nEND\nREPORT\n",
    };

    public static StoredLifecycleEvent Event(string session, string type = "Frozen") => new()
    {
        SessionId = session,
        FunctionName = "counter",
        ContextId = "ctx-1",
        Version = 1,
        Type = type,
        At = DateTimeOffset.UtcNow,
    };
}
