using System.Runtime.Versioning;

namespace Playground.Execution.Sandbox;

/// <summary>
/// The unsandboxed development mode's stand-in for bubblewrap: the same supervisor loop and runtime, started
/// directly on the host with the same clean environment. No namespaces, no private /tmp: handler code sees the host.
/// Only ever used when the configuration asks for it where no sandbox can be made.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class UnsandboxedCommand
{
    public static List<string> Arguments(RuntimeFiles files) =>
        ["/bin/sh", "-c", SandboxLayout.Supervisor, "supervisor", Path.Join(files.DotnetRoot, "dotnet"), Path.Join(files.RuntimeDirectory, files.RuntimeAssemblyName)];

    public static List<(string Name, string Value)> Environment(RuntimeFiles files, SandboxSpec spec, string socketPath) =>
        SandboxEnvironment.For(spec, socketPath)
            .Select(variable => variable.Name switch
            {
                "DOTNET_ROOT" => (variable.Name, files.DotnetRoot),
                "PATH" => (variable.Name, "/usr/local/bin:/usr/bin:/bin"),
                _ => variable,
            })
            .ToList();
}
