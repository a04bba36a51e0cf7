using MudBlazor;
using Playground.Web.Components.Settings;

namespace Playground.Web.Components.Examples;

/// <summary>
/// The examples gallery: one handler per behaviour of the execution context. The code of each lives in
/// Handlers/{id}.csx (embedded), so that it reads, diffs and compiles like code.
/// </summary>
public static class ExampleCatalog
{
    public const string DefaultId = "cold-start";

    public static IReadOnlyList<Example> All { get; } =
    [
        new(
            "cold-start", "Cold start and Init", "Cold start", Icons.Material.Filled.AcUnit,
            "The code outside Handler is the Init phase: it runs once, when a new execution context starts (a cold start). "
            + "Every later invocation in that context is warm: Init's variables are still there.",
            "Invoke twice: the first is a cold start with an Init span on the timeline, the second is warm and counts on. Then Force cold start.",
            Code("cold-start"), "{\n  \"name\": \"Ada\"\n}", new FunctionSettings()),
        new(
            "connection-reuse", "Connection reuse", "Warm reuse", Icons.Material.Filled.Cable,
            "Clients made in Init (database, HTTP, SDK) survive between warm invocations, so their handshake is paid once per context. "
            + "Made inside the handler, it is paid on every invocation.",
            "Invoke a few times and watch queriesOnThisConnection grow on one connection; set \"reuse\": false and see handshakes pile up and durations grow.",
            Code("connection-reuse"), "{\n  \"reuse\": true\n}", new FunctionSettings()),
        new(
            "tmp-cache", "/tmp as a cache", "/tmp", Icons.Material.Filled.FolderOpen,
            "Each execution context has its own /tmp (here a tmpfs of the function's ephemeral storage size). "
            + "Files written there are still there at the context's next invocation, and gone with the context.",
            "Invoke: a cache miss fills /tmp (see the bar on the card). Invoke again: a hit. Force cold start: a new context, an empty /tmp, a miss.",
            Code("tmp-cache"), "{}", new FunctionSettings()),
        new(
            "background-freeze", "Background work across a freeze", "Freeze", Icons.Material.Filled.PauseCircle,
            "After the response the operating system freezes the whole context: timers, threads and fire-and-forget tasks stop. "
            + "They go on when the next invocation thaws it, often surprising their authors.",
            "Invoke, wait ten seconds, invoke again: the ticks show a gap as long as the frozen span on the timeline, and the late work of the first invocation finishes only in the second (see its log).",
            Code("background-freeze"), "{}", new FunctionSettings()),
        new(
            "reuse-not-guaranteed", "Reuse is not guaranteed", "No guarantee", Icons.Material.Filled.Casino,
            "Lambda may reclaim any idle context at any time, so code must never rely on a warm one. "
            + "Here recycleChance reclaims the would-be context half the time, drawn from reuseSeed: the same seed gives the same pattern.",
            "Invoke ten times and note which were cold. Force cold start, invoke ten times again: the same pattern. Change the reuse seed for another.",
            Code("reuse-not-guaranteed"), "{\n  \"user\": \"ada\"\n}", new FunctionSettings { RecycleChance = 0.5, ReuseSeed = 7 }),
        new(
            "timeout-reset", "Timeout and reset", "Timeout", Icons.Material.Filled.TimerOff,
            "At the timeout the runtime process is killed and the context reset: the next invocation runs Init again, in the same context. "
            + "A reset keeps /tmp; only a reclaim removes it.",
            "Invoke: it times out after 2 s (a ↻ on the lane). Set \"sleepSeconds\": 0 and invoke: Init again, and /tmp remembers both Inits.",
            Code("timeout-reset"), "{\n  \"sleepSeconds\": 3\n}", new FunctionSettings { Timeout = 2 }),
        new(
            "concurrency", "Concurrency", "Concurrency", Icons.Material.Filled.CallSplit,
            "An execution context serves one invocation at a time. Invocations that overlap start more contexts, each with its own cold start, "
            + "up to the reserved concurrency; past it Lambda answers 429.",
            "Invoke ×3: three lanes start side by side. Invoke ×3 again: all warm. Invoke ×5: two are throttled (reserved concurrency 3).",
            Code("concurrency"), "{}", new FunctionSettings { ReservedConcurrency = 3 }, SuggestedBatch: 3),
    ];

    public static Example Default => Find(DefaultId)!;

    public static Example? Find(string? id) => All.FirstOrDefault(example => example.Id == id);

    private static string Code(string id)
    {
        using var stream = typeof(ExampleCatalog).Assembly.GetManifestResourceStream($"Examples.{id}")
            ?? throw new InvalidOperationException($"the example {id} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
