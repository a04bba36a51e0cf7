using System.Net;
using System.Text.RegularExpressions;
using Playground.Integration.Tests.Infrastructure;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>Handlers that try to use up what a context has: processes, threads, memory, /tmp, CPU, output, the response, the stack.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed partial class ExhaustionTests(AttackedServer attacked)
{
    // Counts the processes the context's pid namespace holds: the supervisor and the runtime in a clean context.
    private const string ProcessCount = "Directory.GetDirectories(\"/proc\").Count(d => char.IsDigit(Path.GetFileName(d)[0]))";

    [Fact]
    public async Task A_fork_bomb_stops_at_the_process_limit_and_the_reset_after_it_leaves_no_process_behind()
    {
        await using var attacker = await attacked.AttackerAsync("forkbomb", $$"""
            using System.Diagnostics;

            object Handler(JsonElement input)
            {
                if (input.TryGetProperty("bomb", out _))
                {
                    Process.Start("/bin/sh", new[] { "-c", "f(){ f | f & }; f" });
                    Thread.Sleep(TimeSpan.FromMinutes(1));
                }

                return {{ProcessCount}};
            }
            """, new { memorySize = 1769, timeout = 8 });

        var bomb = await attacker.ContainAsync(new { bomb = true });
        var after = await attacker.InvokeAsync(new { });

        // The runtime either runs out of threads it needs (and aborts) or sleeps into its timeout; either way the
        // shells hit the pids limit, and the reset ends all of them.
        Assert.Equal("Unhandled", bomb.FunctionError);
        Assert.Contains((string)bomb.Json["errorType"]!, new[] { "Runtime.ExitError", "Sandbox.Timedout" });
        Assert.Contains("Cannot fork", bomb.Log);
        Assert.True(after.Cold);
        Assert.Equal(bomb.ContextId, after.ContextId);
        Assert.Equal("2", after.Body);
    }

    [Fact]
    public async Task A_thread_bomb_gets_an_out_of_memory_exception_below_the_limit_of_1024_and_its_threads_end_with_the_reset()
    {
        await using var attacker = await attacked.AttackerAsync("threadbomb", """
            object Handler(JsonElement input)
            {
                if (!input.TryGetProperty("bomb", out _)) return Environment.ProcessId;
                var started = 0;
                try { for (; started < 100_000; started++) new Thread(() => Thread.Sleep(Timeout.Infinite)) { IsBackground = true }.Start(); }
                catch (OutOfMemoryException) { Console.WriteLine($"started {started} threads"); throw; }
                return started;
            }
            """, new { memorySize = 1769 });
        var before = await attacker.InvokeAsync(new { });

        var bomb = await attacker.ContainAsync(new { bomb = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("OutOfMemoryException", (string)bomb.Json["errorType"]!);
        var started = int.Parse(StartedThreads().Match(bomb.Log).Groups[1].Value);
        Assert.InRange(started, 900, 1023);
        Assert.Contains("the runtime is restarted and the next invoke runs Init again", bomb.Log);
        Assert.True(after.Cold);
        Assert.NotEqual(before.Body, after.Body);
    }

    [Fact]
    public async Task Allocating_past_a_256_mb_functions_memory_ends_in_an_out_of_memory_error_a_reset_and_a_true_max_memory_used()
    {
        await using var attacker = await attacked.AttackerAsync("hog", """
            var kept = new List<byte[]>();

            object Handler(JsonElement input)
            {
                while (input.TryGetProperty("hog", out _))
                {
                    var block = new byte[16 * 1024 * 1024];
                    Array.Fill(block, (byte)1);
                    kept.Add(block);
                }

                return kept.Count;
            }
            """, new { memorySize = 256 });
        var before = await attacker.InvokeAsync(new { });

        var hog = await attacker.ContainAsync(new { hog = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("Unhandled", hog.FunctionError);
        Assert.Equal("OutOfMemoryException", (string)hog.Json["errorType"]!);
        Assert.Contains("the function ran out of memory (its GC heap may use 192 MB of its 256 MB)", hog.Log);
        // The GC heap limit (192 MB) was reached, plus the runtime itself: the peak is real, and below the memory size.
        Assert.InRange(MaxMemoryUsed(hog), 192, 256);
        Assert.True(MaxMemoryUsed(before) < 100);
        Assert.True(after.Cold);
        Assert.Equal(hog.ContextId, after.ContextId);
        Assert.Equal("0", after.Body);
    }

    [Fact]
    public async Task Native_memory_past_the_kernels_limit_ends_in_the_oom_killer_signal_killed_and_a_reset()
    {
        await using var attacker = await attacked.AttackerAsync("native", """
            using System.Runtime.InteropServices;

            object Handler(JsonElement input)
            {
                while (input.TryGetProperty("hog", out _))
                {
                    var block = Marshal.AllocHGlobal(64 * 1024 * 1024);
                    for (var i = 0; i < 64 * 1024 * 1024; i += 4096) Marshal.WriteByte(block, i, 1);
                }

                return Environment.ProcessId;
            }
            """, new { memorySize = 256, timeout = 30 });
        var before = await attacker.InvokeAsync(new { });

        var hog = await attacker.ContainAsync(new { hog = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("Runtime.ExitError", (string)hog.Json["errorType"]!);
        Assert.EndsWith("Error: Runtime exited with error: signal: killed", (string)hog.Json["errorMessage"]!);
        Assert.Contains("its processes reached the kernel's limit of 768 MB (memory 256 MB + /tmp 512 MB) and the OOM killer ended the runtime", hog.Log);
        Assert.Contains("Status: error\tError Type: Runtime.ExitError", hog.ReportLine);
        Assert.InRange(MaxMemoryUsed(hog), 700, 768);
        Assert.True(after.Cold);
        Assert.Equal(hog.ContextId, after.ContextId);
        Assert.NotEqual(before.Body, after.Body);
    }

    [Fact]
    public async Task Writing_600_mb_into_a_512_mb_tmp_fails_with_no_space_left_inside_the_handler_and_the_context_stays_warm()
    {
        await using var attacker = await attacked.AttackerAsync("filler", """
            object Handler(JsonElement input)
            {
                if (!input.TryGetProperty("fill", out _)) return new FileInfo("/tmp/fill").Length.ToString();
                var chunk = new byte[1024 * 1024];
                try
                {
                    using var file = File.Create("/tmp/fill");
                    for (var i = 0; i < 600; i++) file.Write(chunk);
                    return "wrote 600 MB";
                }
                catch (IOException e) { return e.Message; }
            }
            """, new { ephemeralStorageSize = 512, timeout = 30 });

        var fill = await attacker.ContainAsync(new { fill = true });
        var next = await attacker.InvokeAsync(new { });
        var context = (await attacker.Client.ContextsAsync("filler")).Single()!;

        Assert.Null(fill.FunctionError);
        Assert.Equal("No space left on device : '/tmp/fill'", (string)fill.Json!);
        Assert.False(next.Cold);
        Assert.Equal(fill.ContextId, next.ContextId);
        Assert.Equal("\"536870912\"", next.Body);
        Assert.Equal(512L * 1024 * 1024, (long)context["tmpBytesQuota"]!);
        Assert.InRange((long)context["tmpBytesUsed"]!, 512L * 1024 * 1024 - 4096, 512L * 1024 * 1024);
        // The full /tmp is memory, but not the function's: Max Memory Used leaves it out.
        Assert.True(MaxMemoryUsed(next) < 200, next.ReportLine);
    }

    [Fact]
    public async Task Spinning_every_cpu_past_the_timeout_ends_at_the_deadline_with_a_reset()
    {
        await using var attacker = await attacked.AttackerAsync("spinner", """
            object Handler(JsonElement input)
            {
                if (!input.TryGetProperty("spin", out _)) return "idle";
                for (var i = 0; i < 8; i++) new Thread(() => { while (true) { } }) { IsBackground = true }.Start();
                while (true) { }
            }
            """, new { timeout = 2 });

        var spin = await attacker.ContainAsync(new { spin = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("Sandbox.Timedout", (string)spin.Json["errorType"]!);
        Assert.EndsWith("Task timed out after 2.00 seconds", (string)spin.Json["errorMessage"]!);
        Assert.True(after.Cold);
        Assert.Equal("\"idle\"", after.Body);
    }

    [Fact]
    public async Task Flooding_stdout_through_console_and_the_raw_descriptor_keeps_a_truncated_log_with_its_report()
    {
        await using var attacker = await attacked.AttackerAsync("flood", """
            object Handler()
            {
                var line = new string('x', 1 << 20);
                for (var i = 0; i < 20; i++) Console.Write(line);
                using var raw = Console.OpenStandardOutput();
                var bytes = new byte[1 << 20];
                Array.Fill(bytes, (byte)'y');
                for (var i = 0; i < 20; i++) raw.Write(bytes);
                return "flooded";
            }
            """, new { memorySize = 1769, timeout = 60 });

        var flood = await attacker.ContainAsync();
        var next = await attacker.InvokeAsync();

        Assert.Equal("\"flooded\"", flood.Body);
        Assert.Contains("[log truncated: ", flood.Log);
        Assert.StartsWith("REPORT RequestId: ", flood.ReportLine);
        Assert.False(next.Cold);
    }

    [Fact]
    public async Task A_20_mb_response_is_a_response_size_error_and_the_context_stays_warm()
    {
        await using var attacker = await attacked.AttackerAsync("big", """
            object Handler(JsonElement input) => input.TryGetProperty("big", out _) ? new string('x', 20 * 1024 * 1024) : "small";
            """, new { memorySize = 1024 });

        var big = await attacker.ContainAsync(new { big = true });
        var next = await attacker.InvokeAsync(new { });

        Assert.Equal("Function.ResponseSizeTooLarge", (string)big.Json["errorType"]!);
        Assert.Equal("Response payload size (20971522 bytes) exceeded maximum allowed payload size (6291456 bytes).", (string)big.Json["errorMessage"]!);
        Assert.False(next.Cold);
        Assert.Equal("\"small\"", next.Body);
    }

    [Fact]
    public async Task Unbounded_recursion_aborts_the_runtime_only_and_the_next_invoke_runs_init_again()
    {
        await using var attacker = await attacked.AttackerAsync("recursion", """
            static int Deeper(int depth) => Deeper(depth + 1) + 1;
            object Handler(JsonElement input) => input.TryGetProperty("deep", out _) ? Deeper(0) : 0;
            """);

        var deep = await attacker.ContainAsync(new { deep = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("Runtime.ExitError", (string)deep.Json["errorType"]!);
        Assert.EndsWith("Error: Runtime exited with error: signal: aborted", (string)deep.Json["errorMessage"]!);
        Assert.True(after.Cold);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    private static int MaxMemoryUsed(Invocation invocation) =>
        int.Parse(MaxMemoryUsedPattern().Match(invocation.ReportLine ?? string.Empty).Groups[1].Value);

    [GeneratedRegex(@"Max Memory Used: (\d+) MB")]
    private static partial Regex MaxMemoryUsedPattern();

    [GeneratedRegex(@"started (\d+) threads")]
    private static partial Regex StartedThreads();
}
