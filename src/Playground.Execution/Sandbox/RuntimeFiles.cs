namespace Playground.Execution.Sandbox;

/// <summary>Where the runtime's assembly and the .NET installation that runs it are on the host.</summary>
public sealed record RuntimeFiles(string RuntimeDirectory, string RuntimeAssemblyName, string DotnetRoot, string FrameworkDirectory)
{
    public static RuntimeFiles Resolve(ExecutionOptions options)
    {
        var assembly = options.RuntimeAssembly ?? Path.Join(AppContext.BaseDirectory, "runtime", "Playground.Runtime.dll");
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"the runtime assembly was not found at {assembly}; build the solution first", assembly);
        }

        // The shared framework directory of the running server: <root>/shared/Microsoft.NETCore.App/<version>.
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var root = options.DotnetRoot ?? Path.GetFullPath(Path.Join(framework, "..", "..", ".."));
        if (!File.Exists(Path.Join(root, "dotnet")))
        {
            throw new FileNotFoundException($"no dotnet executable under {root}; set Execution:DotnetRoot");
        }

        return new RuntimeFiles(Path.GetDirectoryName(Path.GetFullPath(assembly))!, Path.GetFileName(assembly), root, framework);
    }
}
