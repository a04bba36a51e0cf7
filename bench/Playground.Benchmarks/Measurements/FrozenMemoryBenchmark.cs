namespace Playground.Benchmarks.Measurements;

/// <summary>
/// Opens N execution contexts (one function each, invoked once, so each is frozen), then reads the memory of every
/// process of every sandbox (PSS: shared pages are split between the processes sharing them) and of the server.
/// </summary>
public static class FrozenMemoryBenchmark
{
    public static async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkServer server, int contexts)
    {
        using var api = await PlaygroundApi.OpenAsync(server.Address);
        var opened = 0;
        for (var batch = 0; opened < contexts; batch++)
        {
            var size = Math.Min(8, contexts - opened);
            await Task.WhenAll(Enumerable.Range(opened, size).Select(async i =>
            {
                await api.DeployAsync($"frozen{i}", Handlers.Echo);
                await api.InvokeAsync($"frozen{i}");
            }));
            opened += size;
        }

        // Let the pre-started spares settle, then count only contexts' processes.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var sandboxes = ProcessMemory.ProcessesNaming(server.RunDirectory);
        var processes = ProcessMemory.Descendants(sandboxes).Distinct().ToList();
        long pss = 0, rss = 0;
        foreach (var pid in processes)
        {
            var (p, r) = ProcessMemory.Of(pid);
            pss += p;
            rss += r;
        }

        var prestarted = (int?)(await server.HealthAsync())["prestarted"] ?? 0;
        var measured = contexts + prestarted;
        var (serverPss, serverRss) = ProcessMemory.Of(server.ProcessId);
        const double MiB = 1024 * 1024;
        return
        [
            new Figure($"memory per frozen context, {contexts} contexts (PSS)", "MiB", null, pss / MiB / measured,
                Note: $"RSS {rss / MiB / measured:0.#} MiB; {processes.Count / (double)measured:0.#} processes per context"),
            new Figure($"server footprint with {contexts} frozen contexts (PSS)", "MiB", null, serverPss / MiB, Note: $"RSS {serverRss / MiB:0} MiB"),
            new Figure($"all sandboxes together, {contexts} contexts (PSS)", "MiB", null, pss / MiB),
        ];
    }
}
