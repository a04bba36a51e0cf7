using Microsoft.Extensions.DependencyInjection;
using Playground.Execution;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sessions;

[Collection(ServerCollection.Name)]
public sealed class SessionExpiryTests
{
    [Fact]
    public async Task An_idle_session_expires_taking_its_contexts_functions_and_history_with_it()
    {
        await using var server = PlaygroundServer.With(new()
        {
            ["Sessions:IdleTimeout"] = "00:00:01",
            ["Sessions:SweepInterval"] = "00:00:00.200",
        });
        using var client = await server.NewSessionAsync();
        var session = client.SessionId;
        await client.DeployAsync("counter", "object Handler() => 1;");
        await client.InvokeAsync("counter");
        await client.WaitForInvocationsAsync(1);
        var engine = server.Services.GetRequiredService<ExecutionEngine>();
        Assert.NotEmpty(engine.Contexts(session, "counter"));

        // Wait without a request in the session (one would keep it alive) until the database no longer holds it.
        var count = $"SELECT (SELECT count(*) FROM Sessions WHERE Id = '{session}') + (SELECT count(*) FROM Invocations WHERE SessionId = '{session}')";
        for (var attempt = 0; attempt < 300 && await TestDatabase.ScalarAsync<long>(server.DatabasePath, count) > 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.Equal(0, await TestDatabase.ScalarAsync<long>(server.DatabasePath, count));
        Assert.Null(engine.FindFunction(session, "counter"));
        using var response = await client.Http.GetAsync("/api/functions");
        Assert.NotEqual(session, response.Headers.GetValues(PlaygroundClient.SessionHeader).Single());
    }
}
