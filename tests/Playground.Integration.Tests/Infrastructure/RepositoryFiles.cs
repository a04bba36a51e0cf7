namespace Playground.Integration.Tests.Infrastructure;

/// <summary>Files of the repository these tests run from (found upwards from the test assembly).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Join([Root, .. parts]);

    private static string FindRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Join(directory, "Playground.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new DirectoryNotFoundException("Playground.sln not found above " + AppContext.BaseDirectory);
    }
}
