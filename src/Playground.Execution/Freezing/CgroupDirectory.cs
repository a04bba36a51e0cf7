namespace Playground.Execution.Freezing;

/// <summary>Removing a cgroup directory: it can only go once its processes are gone, which takes a moment after SIGKILL.</summary>
internal static class CgroupDirectory
{
    public static bool TryRemove(string directory)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                if (!Directory.Exists(directory))
                {
                    return true;
                }

                // cgroup directories hold only kernel files: rmdir, never a recursive delete.
                Directory.Delete(directory, recursive: false);
                return true;
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
            catch (UnauthorizedAccessException)
            {
                return false;
            }
        }

        return false;
    }
}
