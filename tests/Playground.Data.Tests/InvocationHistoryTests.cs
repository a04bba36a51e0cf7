using Playground.Data.Invocations;

namespace Playground.Data.Tests;

public sealed class InvocationHistoryTests
{
    [Fact]
    public async Task A_page_holds_only_the_sessions_own_invocations_newest_first_and_pages_on_with_the_cursor()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        var mine = Enumerable.Range(0, 5).Select(_ => Rows.Invocation("a")).ToList();
        foreach (var invocation in mine)
        {
            writer.Add(invocation);
            writer.Add(Rows.Invocation("b"));
        }

        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        var history = new InvocationHistory(database);

        var (first, more) = await history.ListAsync(new InvocationQuery("a", 3), CancellationToken.None);
        var (second, moreAfter) = await history.ListAsync(new InvocationQuery("a", 3) { Before = first[^1].Id }, CancellationToken.None);

        Assert.True(more);
        Assert.False(moreAfter);
        Assert.Equal(mine.Select(i => i.RequestId).Reverse(), first.Concat(second).Select(i => i.RequestId));
    }

    [Fact]
    public async Task Filters_by_function_status_and_cold_start_combine()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        var wanted = Rows.Invocation("a", "f", "Timeout", cold: true);
        writer.Add(wanted);
        writer.Add(Rows.Invocation("a", "f", "Timeout", cold: false));
        writer.Add(Rows.Invocation("a", "f", "Success", cold: true));
        writer.Add(Rows.Invocation("a", "g", "Timeout", cold: true));
        writer.Add(Rows.Invocation("b", "f", "Timeout", cold: true));
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);

        var (page, _) = await new InvocationHistory(database).ListAsync(
            new InvocationQuery("a", 50) { FunctionName = "f", Status = "Timeout", Cold = true }, CancellationToken.None);

        Assert.Equal([wanted.RequestId], page.Select(i => i.RequestId));
    }

    [Fact]
    public async Task Another_sessions_invocation_is_not_found_by_its_request_id()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var writer = database.Writer();
        var theirs = Rows.Invocation("b");
        writer.Add(theirs);
        await writer.StartAsync(CancellationToken.None);
        await writer.StopAsync(CancellationToken.None);
        var history = new InvocationHistory(database);

        Assert.Null(await history.FindAsync("a", theirs.RequestId, CancellationToken.None));
        Assert.NotNull(await history.FindAsync("b", theirs.RequestId, CancellationToken.None));
    }
}
