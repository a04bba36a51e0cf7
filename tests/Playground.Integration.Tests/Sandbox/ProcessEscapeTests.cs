using System.Net;
using System.Text;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>Handlers that go after processes: the server's, the sandbox's own supervisor, the kernel through libc, the runtime's memory.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed class ProcessEscapeTests(AttackedServer attacked)
{
    private const string Libc = """
        using System.Runtime.InteropServices;

        static class Libc
        {
            [DllImport("libc", SetLastError = true)] public static extern int kill(int pid, int signal);
            [DllImport("libc", SetLastError = true)] public static extern int mount(string source, string target, string type, ulong flags, IntPtr data);
            [DllImport("libc", SetLastError = true)] public static extern int umount2(string target, int flags);
            [DllImport("libc", SetLastError = true)] public static extern int unshare(int flags);
            [DllImport("libc", SetLastError = true)] public static extern long ptrace(long request, int pid, IntPtr address, IntPtr data);
            [DllImport("libc", SetLastError = true)] public static extern int sethostname(string name, int length);
        }

        // "0" for success, else the errno.
        string Call(Func<long> call) => call() == 0 ? "0" : "errno " + Marshal.GetLastPInvokeError();

        object Handler(JsonElement input)
        {
            var server = input.GetProperty("serverPid").GetInt32();
            return new Dictionary<string, string>
            {
                ["kill the server"] = Call(() => Libc.kill(server, 9)),
                ["kill every process"] = Call(() => Libc.kill(-1, 9)),
                ["kill the supervisor"] = Call(() => Libc.kill(1, 9)),
                ["mount a tmpfs"] = Call(() => Libc.mount("none", "/var/task", "tmpfs", 0, IntPtr.Zero)),
                ["unmount /tmp"] = Call(() => Libc.umount2("/tmp", 2)),
                ["new mount namespace"] = Call(() => Libc.unshare(0x00020000)),
                ["new network namespace"] = Call(() => Libc.unshare(0x40000000)),
                ["new user namespace"] = Call(() => Libc.unshare(0x10000000)),
                ["ptrace the server"] = Call(() => Libc.ptrace(16, server, IntPtr.Zero, IntPtr.Zero)),
                ["set the hostname"] = Call(() => Libc.sethostname("escaped", 7)),
                ["processes"] = string.Join(",", Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => char.IsDigit(n![0])).Order()),
            };
        }
        """;

    [Fact]
    public async Task Libc_calls_against_the_server_and_the_kernel_fail_with_their_errno_and_the_context_stays_warm()
    {
        await using var attacker = await attacked.AttackerAsync("libc", Libc);

        var result = await attacker.ContainAsync(new { serverPid = attacked.Server.Id });
        var next = await attacker.InvokeAsync(new { serverPid = attacked.Server.Id });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        var outcomes = result.Json.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);
        Assert.Equal(new Dictionary<string, string>
        {
            // ESRCH: the server is not in the sandbox's pid namespace.
            ["kill the server"] = "errno 3",
            // Nothing to kill but the supervisor (pid 1, which its namespace cannot kill) and the caller itself.
            ["kill every process"] = "errno 3",
            // Accepted and ignored: pid 1 of a pid namespace gets no signal it has no handler for from inside.
            ["kill the supervisor"] = "0",
            // EPERM: no capability in the sandbox.
            ["mount a tmpfs"] = "errno 1",
            ["unmount /tmp"] = "errno 1",
            ["new mount namespace"] = "errno 1",
            ["new network namespace"] = "errno 1",
            // EINVAL: a multithreaded process may not change user namespace (and bubblewrap forbids nested ones).
            ["new user namespace"] = "errno 22",
            ["ptrace the server"] = "errno 3",
            ["set the hostname"] = "errno 1",
            ["processes"] = outcomes["processes"],
        }, outcomes);
        Assert.Equal(2, outcomes["processes"].Split(',').Length);
        Assert.Equal("1", outcomes["processes"].Split(',')[0]);
        Assert.False(next.Cold);
        Assert.Equal(result.ContextId, next.ContextId);
    }

    [Fact]
    public async Task A_handler_that_stops_the_supervisor_with_ptrace_and_exits_leaves_a_context_that_resets_and_serves()
    {
        await using var attacker = await attacked.AttackerAsync("tracer", """
            using System.Runtime.InteropServices;

            static class Libc
            {
                [DllImport("libc", SetLastError = true)] public static extern long ptrace(long request, int pid, IntPtr address, IntPtr data);
            }

            object Handler(JsonElement input)
            {
                if (!input.TryGetProperty("attach", out _)) return "serving";
                // PTRACE_ATTACH stops the supervisor; the tracer then dies, and the stop outlives it.
                var attached = Libc.ptrace(16, 1, IntPtr.Zero, IntPtr.Zero);
                Console.WriteLine($"attach: {attached}");
                Environment.Exit(3);
                return "unreachable";
            }
            """);

        var attack = await attacker.ContainAsync(new { attach = true });
        var after = await attacker.InvokeAsync(new { });

        Assert.Contains("attach: 0", attack.Log);
        Assert.EndsWith("Error: Runtime exited with error: exit status 3", (string)attack.Json["errorMessage"]!);
        Assert.Equal(HttpStatusCode.OK, after.Status);
        Assert.True(after.Cold);
        Assert.Equal("\"serving\"", after.Body);
    }

    [Fact]
    public async Task A_shell_started_by_the_handler_runs_as_lambdas_user_inside_the_sandbox_with_nothing_else_to_run()
    {
        await using var attacker = await attacked.AttackerAsync("shell", """
            using System.Diagnostics;

            object Handler()
            {
                var start = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
                start.ArgumentList.Add("-c");
                start.ArgumentList.Add("while read -r line; do case $line in Uid*) echo \"$line\";; esac; done < /proc/self/status; echo /*; ls /; echo escaped > /x; echo \"ns pid $$\"");
                using var shell = Process.Start(start)!;
                var output = shell.StandardOutput.ReadToEnd() + shell.StandardError.ReadToEnd();
                shell.WaitForExit();
                return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            }
            """);

        var result = await attacker.ContainAsync();
        var lines = result.Json.AsArray().Select(n => (string)n!).ToList();

        Assert.Contains("Uid:\t993\t993\t993\t993", lines);
        Assert.Contains("/bin /dev /etc /lib /lib64 /proc /run /tmp /usr /var", lines);
        Assert.Contains(lines, line => line.EndsWith("ls: not found", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.EndsWith("cannot create /x: Read-only file system", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith("ns pid ", StringComparison.Ordinal) && int.Parse(line["ns pid ".Length..]) < 100);
    }

    [Fact]
    public async Task Environment_exit_ends_only_the_runtime_and_the_next_invoke_runs_init_again_in_the_same_context()
    {
        await using var attacker = await attacked.AttackerAsync("quitter", """
            object Handler(JsonElement input)
            {
                if (input.TryGetProperty("exit", out var code)) Environment.Exit(code.GetInt32());
                return Environment.ProcessId;
            }
            """);
        var before = await attacker.InvokeAsync(new { });

        var exited = await attacker.ContainAsync(new { exit = 7 });
        var after = await attacker.InvokeAsync(new { });

        Assert.Equal("Unhandled", exited.FunctionError);
        Assert.Equal("Runtime.ExitError", (string)exited.Json["errorType"]!);
        Assert.EndsWith("Error: Runtime exited with error: exit status 7", (string)exited.Json["errorMessage"]!);
        Assert.True(after.Cold);
        Assert.Equal(before.ContextId, after.ContextId);
        Assert.NotEqual(before.Body, after.Body);
    }

    [Fact]
    public async Task Reading_the_runtimes_statics_and_all_readable_memory_finds_its_own_event_but_not_another_sessions()
    {
        var victimSecret = "victim-" + Guid.NewGuid().ToString("N");
        var ownMarker = "own-" + Guid.NewGuid().ToString("N");
        const int key = 0x5a;
        await using var victim = await attacked.AttackerAsync("victim", "object Handler(JsonElement input) => input.GetProperty(\"secret\").GetString()!.Length;");
        await victim.InvokeAsync(new { secret = victimSecret });

        // The patterns travel XOR-ed, so that the attacker's own memory never holds the plain text it looks for.
        await using var attacker = await attacked.AttackerAsync("snooper", MemorySnooper, new { memorySize = 1769, timeout = 60 });
        var result = await attacker.ContainAsync(new { key, own = ownMarker, patterns = new[] { Xor(victimSecret, key), Xor(ownMarker, key) } });

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Null(result.FunctionError);
        Assert.True((int)result.Json["staticFields"]! > 0);
        Assert.True((long)result.Json["bytesScanned"]! > 10_000_000);
        var found = result.Json["found"]!.AsArray().Select(n => (bool)n!).ToArray();
        Assert.False(found[0], "another session's event was found in this context's memory");
        Assert.True(found[1], "the scan did not find this invocation's own event: it would not have found anything");
    }

    private static string Xor(string text, int key) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text).Select(b => (byte)(b ^ key)).ToArray());

    private const string MemorySnooper = """
        using System.Reflection;

        object Handler(JsonElement input)
        {
            var key = (byte)input.GetProperty("key").GetInt32();
            var patterns = input.GetProperty("patterns").EnumerateArray().Select(p => Convert.FromBase64String(p.GetString()!)).ToArray();

            // Everything static the runtime and the framework hold, read by reflection.
            var staticFields = 0;
            foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
            {
                Type[] types;
                try { types = assembly.GetTypes(); } catch (ReflectionTypeLoadException e) { types = e.Types.Where(t => t is not null).ToArray()!; }
                foreach (var type in types.Where(t => !t.ContainsGenericParameters))
                {
                    foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
                    {
                        try { field.GetValue(null); staticFields++; } catch (Exception) { }
                    }
                }
            }

            // Every readable byte of every process this handler can see: its own runtime and the supervisor.
            var found = new bool[patterns.Length];
            long bytesScanned = 0;
            var buffer = new byte[1 << 20];
            foreach (var pid in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => char.IsDigit(n![0])))
            {
                string[] maps;
                try { maps = File.ReadAllLines($"/proc/{pid}/maps"); } catch (Exception) { continue; }
                using var memory = new FileStream($"/proc/{pid}/mem", FileMode.Open, FileAccess.Read);
                foreach (var map in maps.Where(m => m.Split(' ')[1][0] == 'r' && !m.EndsWith("[vvar]") && !m.EndsWith("[vsyscall]")))
                {
                    var range = map.Split(' ')[0].Split('-');
                    var start = Convert.ToInt64(range[0], 16);
                    var end = Convert.ToInt64(range[1], 16);
                    for (var at = start; at < end; at += buffer.Length)
                    {
                        int read;
                        try { memory.Seek(at, SeekOrigin.Begin); read = memory.Read(buffer, 0, (int)Math.Min(buffer.Length, end - at)); }
                        catch (IOException) { break; }
                        bytesScanned += read;
                        for (var p = 0; p < patterns.Length; p++)
                        {
                            if (!found[p]) found[p] = Contains(buffer, read, patterns[p], key);
                        }
                    }
                }
            }

            return new { staticFields, bytesScanned, found };
        }

        // A pattern straddling two 1 MB reads is missed; for a 40-byte marker that is unlikely.
        static bool Contains(byte[] buffer, int length, byte[] xored, byte key)
        {
            var first = (byte)(xored[0] ^ key);
            for (var i = 0; i <= length - xored.Length; i++)
            {
                if (buffer[i] != first) continue;
                var j = 1;
                while (j < xored.Length && buffer[i + j] == (byte)(xored[j] ^ key)) j++;
                if (j == xored.Length) return true;
            }

            return false;
        }
        """;
}
