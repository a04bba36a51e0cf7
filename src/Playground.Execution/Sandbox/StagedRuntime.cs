namespace Playground.Execution.Sandbox;

/// <summary>
/// A copy of the runtime's files in the server's run folder. Sandboxes bind the copy, not the server's own folder,
/// because a bind mount's source path shows in /proc/self/mountinfo inside: the server's content root must not.
/// </summary>
internal static class StagedRuntime
{
    public static RuntimeFiles Copy(RuntimeFiles files, string runDirectory)
    {
        var staged = Directory.CreateDirectory(Path.Join(runDirectory, "runtime")).FullName;
        foreach (var file in Directory.EnumerateFiles(files.RuntimeDirectory))
        {
            File.Copy(file, Path.Join(staged, Path.GetFileName(file)), overwrite: true);
        }

        return files with { RuntimeDirectory = staged };
    }
}
