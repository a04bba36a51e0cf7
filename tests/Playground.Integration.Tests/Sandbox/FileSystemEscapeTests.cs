using System.Net;

namespace Playground.Integration.Tests.Sandbox;

/// <summary>Handlers that go after files: the server's, the host's, another context's; and writes outside /tmp.</summary>
[Collection(AttackedServerCollection.Name)]
public sealed class FileSystemEscapeTests(AttackedServer attacked)
{
    // Reads a host path every way a handler can: directly, through its folder, through /proc of every process it
    // sees, and by looking for the file's name and folder anywhere in its mount table and file tree.
    private const string Snoop = """
        string Try(Func<string> read) { try { return read(); } catch (Exception e) { return e.GetType().Name; } }

        object Handler(JsonElement input)
        {
            var path = input.GetProperty("path").GetString()!;
            var folder = Path.GetDirectoryName(path)!;
            var name = Path.GetFileName(path);
            var pids = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(n => char.IsDigit(n![0])).ToArray();
            var viaProc = pids.Select(pid => Try(() => File.ReadAllText($"/proc/{pid}/root{path}"))).Distinct().ToArray();
            var mentions = pids.SelectMany(pid => new[] { "cmdline", "environ", "mountinfo" }.Select(f => Try(() => File.ReadAllText($"/proc/{pid}/{f}"))))
                .Count(text => text.Contains(folder, StringComparison.Ordinal));
            var found = new List<string>();
            var pending = new Stack<string>(new[] { "/" });
            while (pending.TryPop(out var directory))
            {
                if (directory is "/proc" or "/sys" or "/dev") continue;
                try
                {
                    found.AddRange(Directory.GetFiles(directory, name));
                    foreach (var child in Directory.GetDirectories(directory)) if (new DirectoryInfo(child).LinkTarget is null) pending.Push(child);
                }
                catch (UnauthorizedAccessException) { }
            }

            return new { read = Try(() => File.ReadAllText(path)), folderExists = Directory.Exists(folder), viaProc, mentions, found };
        }
        """;

    [Theory]
    [InlineData("playground.db")]
    [InlineData("appsettings.json")]
    public async Task A_file_in_the_servers_content_root_is_invisible_inside_the_sandbox(string name)
    {
        // appsettings.json is the server's own; the database stands for the history database, planted where it would live.
        var path = Path.Join(attacked.Server.ContentRoot, name);
        var planted = !File.Exists(path);
        if (planted)
        {
            await File.WriteAllTextAsync(path, "the server's secret " + Guid.NewGuid());
        }

        try
        {
            await using var attacker = await attacked.AttackerAsync("snoop", Snoop, new { memorySize = 1769, timeout = 30 });
            var result = await attacker.ContainAsync(new { path });

            Assert.Equal(HttpStatusCode.OK, result.Status);
            Assert.Null(result.FunctionError);
            Assert.Equal("DirectoryNotFoundException", (string)result.Json["read"]!);
            Assert.False((bool)result.Json["folderExists"]!);
            Assert.Equal(["DirectoryNotFoundException"], result.Json["viaProc"]!.AsArray().Select(n => (string)n!));
            Assert.Equal(0, (int)result.Json["mentions"]!);
            Assert.Empty(result.Json["found"]!.AsArray());
        }
        finally
        {
            if (planted)
            {
                File.Delete(path);
            }
        }
    }

    [Fact]
    public async Task The_hosts_etc_shadow_does_not_exist_inside_where_etc_holds_only_lambdas_few_files()
    {
        await using var attacker = await attacked.AttackerAsync("shadow", """
            object Handler()
            {
                string shadow;
                try { shadow = File.ReadAllText("/etc/shadow"); } catch (Exception e) { shadow = e.GetType().Name; }
                return new { shadow, etc = Directory.GetFiles("/etc").Select(Path.GetFileName).Order().ToArray(), passwd = File.ReadAllText("/etc/passwd") };
            }
            """);

        var result = await attacker.ContainAsync();

        Assert.Equal("FileNotFoundException", (string)result.Json["shadow"]!);
        Assert.Equal(["group", "hostname", "hosts", "nsswitch.conf", "passwd", "resolv.conf"], result.Json["etc"]!.AsArray().Select(n => (string)n!));
        Assert.DoesNotContain("root:x:0:0:root:/root:/bin/bash", (string)result.Json["passwd"]!);
    }

    [Fact]
    public async Task Another_contexts_tmp_cannot_be_found_from_a_context_of_another_session()
    {
        var secret = "secret-" + Guid.NewGuid().ToString("N");
        await using var victim = await attacked.AttackerAsync("keeper", """
            object Handler(JsonElement input)
            {
                if (input.TryGetProperty("write", out var name)) File.WriteAllText("/tmp/" + name.GetString(), "mine");
                return Directory.GetFiles("/tmp").Select(Path.GetFileName).ToArray();
            }
            """);
        await victim.InvokeAsync(new { write = secret });

        await using var attacker = await attacked.AttackerAsync("seeker", """
            object Handler(JsonElement input)
            {
                var name = input.GetProperty("name").GetString()!;
                var roots = Directory.GetDirectories("/proc").Where(d => char.IsDigit(Path.GetFileName(d)[0])).Select(d => d + "/root/tmp").Append("/tmp");
                var found = new List<string>();
                foreach (var tmp in roots)
                {
                    try { found.AddRange(Directory.GetFiles(tmp, "*", SearchOption.AllDirectories).Where(f => f.Contains(name))); }
                    catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
                }

                return new { found, own = Directory.GetFiles("/tmp").Length };
            }
            """);
        var result = await attacker.ContainAsync(new { name = secret });
        var victimStill = await victim.InvokeAsync();

        Assert.Empty(result.Json["found"]!.AsArray());
        Assert.Equal(0, (int)result.Json["own"]!);
        // The file was there all along, in the victim's own /tmp.
        Assert.Equal([secret], victimStill.Json.AsArray().Select(n => (string)n!));
    }

    [Fact]
    public async Task Writes_outside_tmp_fail_on_the_read_only_root_or_on_file_ownership_and_tmp_accepts_them()
    {
        await using var attacker = await attacked.AttackerAsync("writer", """
            object Handler()
            {
                var directories = new[] { "/", "/var/task", "/var/runtime", "/var/lang", "/etc", "/usr/lib", "/bin", "/dev", "/dev/shm", "/run/playground", "/tmp" };
                var files = new[] { "/etc/passwd", "/var/runtime/Playground.Runtime.dll", "/usr/bin/sh", "/proc/sys/kernel/hostname" };
                return directories.Select(d => Path.Combine(d, "escape.txt")).Concat(files).ToDictionary(path => path, path =>
                {
                    try { File.WriteAllText(path, "x"); return "written"; }
                    catch (IOException e) { return "IOException: " + e.Message.Split(" : ")[0]; }
                    catch (Exception e) { return e.GetType().Name; }
                });
            }
            """);

        var result = await attacker.ContainAsync();
        var outcomes = result.Json.AsObject().ToDictionary(pair => pair.Key, pair => (string)pair.Value!);

        // New files: the root and every bind are mounted read-only. Existing files: they belong to a host user the
        // sandbox's user is not (and the mount is read-only besides).
        var expected = new Dictionary<string, string>
        {
            ["/escape.txt"] = "IOException: Read-only file system",
            ["/var/task/escape.txt"] = "IOException: Read-only file system",
            ["/var/runtime/escape.txt"] = "IOException: Read-only file system",
            ["/var/lang/escape.txt"] = "IOException: Read-only file system",
            ["/etc/escape.txt"] = "IOException: Read-only file system",
            ["/usr/lib/escape.txt"] = "IOException: Read-only file system",
            ["/bin/escape.txt"] = "IOException: Read-only file system",
            ["/dev/escape.txt"] = "IOException: Read-only file system",
            ["/dev/shm/escape.txt"] = "IOException: Read-only file system",
            ["/run/playground/escape.txt"] = "IOException: Read-only file system",
            ["/tmp/escape.txt"] = "written",
            ["/etc/passwd"] = "UnauthorizedAccessException",
            ["/var/runtime/Playground.Runtime.dll"] = "UnauthorizedAccessException",
            ["/usr/bin/sh"] = "UnauthorizedAccessException",
            ["/proc/sys/kernel/hostname"] = "UnauthorizedAccessException",
        };
        Assert.Equal(expected, outcomes);
    }
}
