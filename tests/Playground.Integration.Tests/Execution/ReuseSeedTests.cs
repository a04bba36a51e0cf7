using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class ReuseSeedTests(PlaygroundServer server)
{
    [Fact]
    public async Task The_same_seed_and_recycle_chance_give_the_same_cold_warm_pattern()
    {
        using var client = await server.NewSessionAsync();
        const string code = "object Handler() => \"ok\";";
        var config = new { reuseSeed = 42, recycleChance = 0.5 };
        await client.DeployAsync("first", code, config);
        await client.DeployAsync("second", code, config);

        var first = await PatternAsync(client, "first");
        var second = await PatternAsync(client, "second");

        Assert.Equal(first, second);
        Assert.Equal('C', first[0]);
        Assert.Contains('W', first);
        Assert.Contains('C', first[1..]);
    }

    private static async Task<string> PatternAsync(PlaygroundClient client, string name)
    {
        var pattern = new char[10];
        for (var i = 0; i < pattern.Length; i++)
        {
            pattern[i] = (await client.InvokeAsync(name)).Cold ? 'C' : 'W';
        }

        return new string(pattern);
    }
}
