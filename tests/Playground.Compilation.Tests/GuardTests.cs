using System.Text;

namespace Playground.Compilation.Tests;

public class GuardTests
{
    [Fact]
    public async Task Code_over_64_KB_is_refused_with_PG0003_naming_the_limit()
    {
        var code = "void Handler() { }\n//" + new string('x', 70_000 - 21);
        Assert.Equal(70_000, Encoding.UTF8.GetByteCount(code));

        var result = await Compilers.CompileAsync(code);

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("PG0003", "Error", 1, 1), (error.Id, error.Severity, error.Line, error.Column));
        Assert.Equal("Handler code is 70,000 bytes; the limit is 65,536 bytes (64 KB).", error.Message);
    }

    [Fact]
    public async Task Size_limit_counts_UTF8_bytes_and_code_exactly_at_the_limit_compiles()
    {
        const string handler = "void Handler() { }\n// ";
        var atLimit = handler + new string('é', (65_536 - Encoding.UTF8.GetByteCount(handler)) / 2);
        Assert.Equal(65_536, Encoding.UTF8.GetByteCount(atLimit));

        Assert.True((await Compilers.CompileAsync(atLimit)).Success);
        var over = await Compilers.CompileAsync(atLimit + "é");
        Assert.Equal("PG0003", Assert.Single(over.Diagnostics).Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t  ")]
    public async Task Empty_code_fails_with_PG0001(string code)
    {
        var result = await Compilers.CompileAsync(code);

        Assert.False(result.Success);
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("PG0001", 1, 1), (error.Id, error.Line, error.Column));
    }

    [Fact]
    public async Task Compile_over_the_timeout_is_stopped_with_PG0004_and_not_cached()
    {
        var compiler = Compilers.Create(o => o.CompileTimeout = TimeSpan.FromMilliseconds(1));
        var code = LargeHandlers.Script(300);
        Assert.True(Encoding.UTF8.GetByteCount(code) < 64 * 1024);

        var first = await compiler.CompileAsync(code, CancellationToken.None);
        var second = await compiler.CompileAsync(code, CancellationToken.None);

        Assert.False(first.Success);
        var error = Assert.Single(first.Diagnostics);
        Assert.Equal(("PG0004", 1, 1), (error.Id, error.Line, error.Column));
        Assert.Equal("Compilation took longer than 1 ms and was stopped.", error.Message);
        Assert.Equal("PG0004", Assert.Single(second.Diagnostics).Id);
        Assert.False(second.FromCache);
    }

    [Theory]
    [InlineData(10_000, "Compilation took longer than 10 s and was stopped.")]
    [InlineData(2_500, "Compilation took longer than 2.5 s and was stopped.")]
    [InlineData(250, "Compilation took longer than 250 ms and was stopped.")]
    public void Timeout_message_names_the_limit(int milliseconds, string message)
    {
        Assert.Equal(message, PlaygroundDiagnostics.Timeout(TimeSpan.FromMilliseconds(milliseconds)).Message);
    }

    [Fact]
    public async Task Cancelled_caller_gets_OperationCanceledException()
    {
        var compiler = Compilers.Create(o => o.MaxConcurrentCompiles = 1);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => compiler.CompileAsync("void Handler() { }", new CancellationToken(canceled: true)));

        // Queued behind another compile, so it is surely still running when its caller gives up.
        var blocker = compiler.CompileAsync(LargeHandlers.Script(300, "blocker"), CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var abandoned = compiler.CompileAsync(LargeHandlers.Script(300, "cancelled"), cancellation.Token);
        cancellation.Cancel(); // synchronous: the callbacks must not wait for a thread-pool thread busy with Roslyn

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.True((await blocker).Success);
    }

    [Fact]
    public async Task Compile_abandoned_by_its_caller_still_completes_for_the_next_caller()
    {
        var compiler = Compilers.Create(o => o.MaxConcurrentCompiles = 1);
        var blocker = compiler.CompileAsync(LargeHandlers.Script(300, "blocker"), CancellationToken.None);
        var code = LargeHandlers.Script(300, "abandoned");
        using var cancellation = new CancellationTokenSource();
        var abandoned = compiler.CompileAsync(code, cancellation.Token);
        cancellation.Cancel(); // synchronous: the callbacks must not wait for a thread-pool thread busy with Roslyn
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);

        var result = await compiler.CompileAsync(code, CancellationToken.None);

        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        Assert.True(result.FromCache);
        await blocker;
    }

    [Fact]
    public void Invalid_options_are_rejected_at_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Compilers.Create(o => o.MaxConcurrentCompiles = 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compilers.Create(o => o.CompileTimeout = TimeSpan.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => Compilers.Create(o => o.CacheEntries = 0));
    }
}
