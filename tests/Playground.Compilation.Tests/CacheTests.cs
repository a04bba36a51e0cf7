namespace Playground.Compilation.Tests;

public class CacheTests
{
    private const string Code = "int Handler(int input) => input * 2;";

    [Fact]
    public async Task Second_compile_of_the_same_code_comes_from_the_cache()
    {
        var compiler = Compilers.Create();

        var first = await compiler.CompileAsync(Code, CancellationToken.None);
        var second = await compiler.CompileAsync(Code, CancellationToken.None);

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(first.Hash, second.Hash);
        Assert.Same(first.Assembly, second.Assembly);
        Assert.Equal(first.Elapsed, second.Elapsed);
    }

    [Fact]
    public async Task Changed_code_gets_a_different_hash()
    {
        var compiler = Compilers.Create();

        var first = await compiler.CompileAsync(Code, CancellationToken.None);
        var changed = await compiler.CompileAsync(Code + " ", CancellationToken.None);

        Assert.NotEqual(first.Hash, changed.Hash);
        Assert.False(changed.FromCache);
    }

    [Fact]
    public async Task Identical_code_gets_the_same_hash_and_bytes_in_another_compiler()
    {
        var first = await Compilers.CompileAsync(Code);
        var second = await Compilers.CompileAsync(Code);

        Assert.Equal(first.Hash, second.Hash);
        Assert.Equal(first.Assembly, second.Assembly);
    }

    [Fact]
    public async Task Concurrent_identical_compiles_compile_once()
    {
        var compiler = Compilers.Create();
        var code = LargeHandlers.Script(100, "concurrent");

        var results = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => compiler.CompileAsync(code, CancellationToken.None))));

        Assert.All(results, r => Assert.True(r.Success));
        Assert.Single(results, r => !r.FromCache);
        Assert.All(results, r => Assert.Same(results[0].Assembly, r.Assembly));
    }

    [Fact]
    public async Task Failed_compiles_are_cached_too()
    {
        var compiler = Compilers.Create();

        await compiler.CompileAsync("int Handler() => missing;", CancellationToken.None);
        var second = await compiler.CompileAsync("int Handler() => missing;", CancellationToken.None);

        Assert.False(second.Success);
        Assert.True(second.FromCache);
        Assert.Equal("CS0103", Assert.Single(second.Diagnostics).Id);
    }

    [Fact]
    public async Task Least_recently_used_entry_is_evicted_beyond_the_limit()
    {
        var compiler = Compilers.Create(o => o.CacheEntries = 2);
        async Task<bool> FromCache(string code) => (await compiler.CompileAsync(code, CancellationToken.None)).FromCache;

        await FromCache("int Handler() => 1;");
        await FromCache("int Handler() => 2;");
        Assert.True(await FromCache("int Handler() => 1;")); // 1 is now the most recently used
        await FromCache("int Handler() => 3;"); // evicts 2

        Assert.True(await FromCache("int Handler() => 1;"));
        Assert.True(await FromCache("int Handler() => 3;"));
        Assert.False(await FromCache("int Handler() => 2;"));
    }
}
