using Microsoft.EntityFrameworkCore;
using Playground.Data.Snippets;

namespace Playground.Data.Tests;

public sealed class SnippetStoreTests
{
    private static readonly SnippetContent Counter = new("var n = 0;\nobject Handler() => ++n;", "{\"name\": \"Ada\", \"age\": 36}", "{\"memorySize\":256}", null);

    [Fact]
    public async Task The_same_content_stored_twice_has_the_same_short_id()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var store = new SnippetStore(database, TimeProvider.System);

        var (first, created) = await store.SaveAsync(Counter, null, CancellationToken.None);
        var (second, createdAgain) = await store.SaveAsync(Counter with { }, null, CancellationToken.None);

        Assert.True(created);
        Assert.False(createdAgain);
        Assert.Equal(first.Id, second.Id);
        Assert.Equal(SnippetId.ShortLength, first.Id.Length);
    }

    [Fact]
    public async Task Changed_content_has_another_id_and_reformatted_json_does_not()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var store = new SnippetStore(database, TimeProvider.System);

        var (original, _) = await store.SaveAsync(Counter, null, CancellationToken.None);
        var (changed, _) = await store.SaveAsync(Counter with { Code = Counter.Code + " " }, null, CancellationToken.None);
        var (reformatted, _) = await store.SaveAsync(Counter with { EventJson = "{ \"age\": 36,\n  \"name\": \"Ada\" }" }, null, CancellationToken.None);

        Assert.NotEqual(original.Id, changed.Id);
        Assert.Equal(original.Id, reformatted.Id);
    }

    [Fact]
    public async Task An_id_taken_by_other_content_is_lengthened()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var shortId = SnippetId.Full(Counter.Hash())[..SnippetId.ShortLength];
        await using (var db = database.CreateDbContext())
        {
            db.Snippets.Add(new Snippet { Id = shortId, ContentHash = "other", Code = "", EventJson = "{}", ConfigJson = "{}" });
            await db.SaveChangesAsync();
        }

        var (snippet, created) = await new SnippetStore(database, TimeProvider.System).SaveAsync(Counter, null, CancellationToken.None);

        Assert.True(created);
        Assert.Equal(SnippetId.ShortLength + 1, snippet.Id.Length);
        Assert.StartsWith(shortId, snippet.Id);
    }

    [Fact]
    public async Task A_fork_remembers_its_parent_and_a_stored_snippet_never_changes()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var store = new SnippetStore(database, TimeProvider.System);
        var (parent, _) = await store.SaveAsync(Counter, null, CancellationToken.None);

        var (fork, _) = await store.SaveAsync(Counter with { ConfigJson = "{\"memorySize\":1024}" }, parent.Id, CancellationToken.None);
        var (again, created) = await store.SaveAsync(Counter, fork.Id, CancellationToken.None);

        Assert.Equal(parent.Id, (await store.FindAsync(fork.Id, CancellationToken.None))!.ParentId);
        Assert.False(created);
        Assert.Null(again.ParentId);
        await using var db = database.CreateDbContext();
        Assert.Equal(2, await db.Snippets.CountAsync());
    }

    [Fact]
    public async Task An_unknown_or_malformed_id_finds_nothing()
    {
        await using var database = await DatabaseFile.CreateAsync();
        var store = new SnippetStore(database, TimeProvider.System);

        Assert.Null(await store.FindAsync("AAAAAAAA", CancellationToken.None));
        Assert.Null(await store.FindAsync("../../etc", CancellationToken.None));
    }
}
