using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Execution;

[Collection(ServerCollection.Name)]
public sealed class FailureTests(PlaygroundServer server)
{
    private const string Faulty = """
        var initCount = 0;
        initCount++;

        object Handler(JsonElement input, ILambdaContext context)
        {
            switch (input.GetProperty("mode").GetString())
            {
                case "sleep":
                    Thread.Sleep(TimeSpan.FromSeconds(30));
                    break;
                case "failfast":
                    Environment.FailFast("the handler gave up");
                    break;
                case "overflow":
                    static int Deeper(int depth) => Deeper(depth + 1) + 1;
                    Deeper(0);
                    break;
                case "throw":
                    throw new InvalidOperationException("the order is missing");
            }

            return new { initCount, pid = Environment.ProcessId };
        }
        """;

    [Fact]
    public async Task A_timeout_answers_at_the_deadline_with_the_timed_out_message_and_the_next_invoke_runs_init_again()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("slow", Faulty, new { timeout = 1 });
        var before = await client.InvokeAsync("slow", new { mode = "ok" });

        var clock = Stopwatch.StartNew();
        var timedOut = await client.InvokeAsync("slow", new { mode = "sleep" });
        var waited = clock.Elapsed;

        // Idle for a while after the reset: the next invoke's Init Duration is its own Init, not the time since the reset.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var next = await client.InvokeAsync("slow", new { mode = "ok" });

        // The handler sleeps 30 s: an answer near 1 s proves the deadline, not the handler, ended the invocation.
        Assert.True(waited < TimeSpan.FromSeconds(4), $"answered after {waited.TotalSeconds:0.00} s");
        Assert.Equal(HttpStatusCode.OK, timedOut.Status);
        Assert.Equal("Unhandled", timedOut.FunctionError);
        Assert.Equal("Sandbox.Timedout", (string)timedOut.Json["errorType"]!);
        Assert.EndsWith("Task timed out after 1.00 seconds", (string)timedOut.Json["errorMessage"]!);
        Assert.Contains("Task timed out after 1.00 seconds", timedOut.Log);
        Assert.Contains("Status: timeout", timedOut.ReportLine);

        Assert.True(next.Cold);
        var initDuration = double.Parse(
            System.Text.RegularExpressions.Regex.Match(next.ReportLine!, @"Init Duration: ([\d.]+) ms").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(initDuration < 2000, $"Init Duration {initDuration} ms counts the idle time since the reset");
        Assert.Equal(before.ContextId, next.ContextId);
        Assert.NotEqual((int)before.Json["pid"]!, (int)next.Json["pid"]!);
    }

    [Theory]
    [InlineData("failfast", "signal: aborted")]
    [InlineData("overflow", "signal: aborted")]
    public async Task A_crash_answers_a_clear_error_keeps_the_server_healthy_and_the_next_invoke_runs_init_again(string mode, string exit)
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("crashy", Faulty);
        await client.InvokeAsync("crashy", new { mode = "ok" });

        var crashed = await client.InvokeAsync("crashy", new { mode });
        var health = JsonNode.Parse(await client.Http.GetStringAsync("/healthz"))!;
        var next = await client.InvokeAsync("crashy", new { mode = "ok" });

        Assert.Equal(HttpStatusCode.OK, crashed.Status);
        Assert.Equal("Unhandled", crashed.FunctionError);
        Assert.Equal("Runtime.ExitError", (string)crashed.Json["errorType"]!);
        Assert.Contains($"Runtime exited with error: {exit}", (string)crashed.Json["errorMessage"]!);
        Assert.Contains("Status: error\tError Type: Runtime.ExitError", crashed.ReportLine);
        Assert.Equal("ok", (string)health["status"]!);
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.True(next.Cold);
        Assert.Contains("Init Duration", next.ReportLine);
    }

    [Fact]
    public async Task An_exception_is_a_function_error_with_the_users_line_numbers_and_the_context_stays_warm()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("thrower", Faulty);
        var before = await client.InvokeAsync("thrower", new { mode = "ok" });

        var failed = await client.InvokeAsync("thrower", new { mode = "throw" });
        var after = await client.InvokeAsync("thrower", new { mode = "ok" });

        Assert.Equal("Unhandled", failed.FunctionError);
        Assert.Equal("InvalidOperationException", (string)failed.Json["errorType"]!);
        Assert.Equal("the order is missing", (string)failed.Json["errorMessage"]!);
        Assert.Contains("handler.cs:line 19", (string)failed.Json["stackTrace"]![0]!);
        Assert.False(after.Cold);
        Assert.Equal(before.ContextId, after.ContextId);
        Assert.Equal((int)before.Json["pid"]!, (int)after.Json["pid"]!);
    }

    [Fact]
    public async Task An_init_that_throws_is_a_function_error_and_init_runs_again_at_the_next_invoke()
    {
        using var client = await server.NewSessionAsync();
        await client.DeployAsync("badinit", """
            Console.WriteLine($"init in {Environment.ProcessId}");
            if (File.Exists("/tmp/init-failed-once") == false)
            {
                File.WriteAllText("/tmp/init-failed-once", "yes");
                throw new InvalidOperationException("the connection string is missing");
            }

            object Handler() => "ready";
            """);

        var failed = await client.InvokeAsync("badinit");
        var next = await client.InvokeAsync("badinit");

        Assert.Equal("Unhandled", failed.FunctionError);
        Assert.Equal("InvalidOperationException", (string)failed.Json["errorType"]!);
        Assert.Equal("the connection string is missing", (string)failed.Json["errorMessage"]!);
        Assert.Contains("init in ", failed.Log);
        Assert.Contains("Init Duration", failed.ReportLine);

        // A reset keeps /tmp: the second Init finds the file the first one wrote.
        Assert.Equal(HttpStatusCode.OK, next.Status);
        Assert.Equal("\"ready\"", next.Body);
        Assert.True(next.Cold);
        Assert.Equal(failed.ContextId, next.ContextId);
    }
}
