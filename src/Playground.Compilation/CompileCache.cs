namespace Playground.Compilation;

/// <summary>
/// Compile results by content hash, least recently used evicted first. Entries are lazy tasks so that identical
/// requests arriving together share one compile instead of racing to do the same work.
/// </summary>
internal sealed class CompileCache(int capacity)
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> entries = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> recency = new(); // most recently used first

    /// <summary>Returns the cached or in-flight compile of <paramref name="hash"/>, or starts <paramref name="compile"/>.</summary>
    /// <param name="shared">True when another call started the compile.</param>
    public Task<CompileResult> GetOrAdd(string hash, Func<Task<CompileResult>> compile, out bool shared)
    {
        Lazy<Task<CompileResult>> lazy;
        lock (gate)
        {
            if (entries.TryGetValue(hash, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                lazy = node.Value.Result;
                shared = true;
            }
            else
            {
                Lazy<Task<CompileResult>>? created = null;
                created = new(() => ForgetUnlessCacheable(hash, compile, created!), LazyThreadSafetyMode.ExecutionAndPublication);
                entries.Add(hash, recency.AddFirst(new Entry(hash, created)));
                while (entries.Count > capacity)
                {
                    var oldest = recency.Last!;
                    recency.RemoveLast();
                    entries.Remove(oldest.Value.Hash);
                }

                lazy = created;
                shared = false;
            }
        }

        // Started outside the lock: the factory's synchronous part is not ours to bound.
        return lazy.Value;
    }

    private async Task<CompileResult> ForgetUnlessCacheable(
        string hash,
        Func<Task<CompileResult>> compile,
        Lazy<Task<CompileResult>> entry)
    {
        try
        {
            var result = await compile().ConfigureAwait(false);

            // A timeout says more about the server's load at that moment than about the code: let a retry compile again.
            if (result.TimedOut)
            {
                Remove(hash, entry);
            }

            return result;
        }
        catch
        {
            Remove(hash, entry);
            throw;
        }
    }

    private void Remove(string hash, Lazy<Task<CompileResult>> entry)
    {
        lock (gate)
        {
            // Only this entry: a newer compile of the same code may have replaced it after an eviction.
            if (entries.TryGetValue(hash, out var node) && ReferenceEquals(node.Value.Result, entry))
            {
                entries.Remove(hash);
                recency.Remove(node);
            }
        }
    }

    private sealed record Entry(string Hash, Lazy<Task<CompileResult>> Result);
}
