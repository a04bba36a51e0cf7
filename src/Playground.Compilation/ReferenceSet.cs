using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Microsoft.CodeAnalysis;

namespace Playground.Compilation;

/// <summary>
/// The assemblies handler code compiles against, loaded once per process. Reusing the same reference objects lets
/// Roslyn reuse the assembly symbols it built for them, which makes a warm compile several times faster.
/// </summary>
internal static class ReferenceSet
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> references =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    public static ImmutableArray<MetadataReference> All => references.Value;

    private static ImmutableArray<MetadataReference> Load()
    {
        // Only Microsoft.NETCore.App: the runtime process inside the sandbox has no ASP.NET Core, so code compiled
        // against it would fail there with a FileNotFoundException instead of a compile error here.
        var framework = Path.GetDirectoryName(LocationOf(typeof(object)))!;
        var builder = ImmutableArray.CreateBuilder<MetadataReference>();
        foreach (var path in Directory.EnumerateFiles(framework, "*.dll").Order(StringComparer.Ordinal))
        {
            if (TryLoad(path) is { } reference)
            {
                builder.Add(reference);
            }
        }

        builder.Add(TryLoad(LocationOf(typeof(Amazon.Lambda.Core.ILambdaContext)))
            ?? throw new InvalidOperationException("Playground.Lambda.Core.dll could not be read as metadata."));
        return builder.ToImmutable();
    }

    private static string LocationOf(Type type) =>
        type.Assembly.Location is { Length: > 0 } location
            ? location
            : throw new InvalidOperationException(
                $"{type.Assembly.GetName().Name} has no file on disk (single-file publish?); handler code needs it as a reference.");

    private static MetadataReference? TryLoad(string path)
    {
        try
        {
            // Native libraries can sit next to the managed ones (on Windows they are .dll too).
            using (var stream = File.OpenRead(path))
            using (var reader = new PEReader(stream))
            {
                if (!reader.HasMetadata || !reader.GetMetadataReader().IsAssembly)
                {
                    return null;
                }
            }

            var metadata = AssemblyMetadata.CreateFromFile(path);
            metadata.GetModules(); // reads the metadata now, so a broken file is skipped here rather than failing every compile
            return metadata.GetReference(filePath: path);
        }
        catch (Exception exception) when (exception is BadImageFormatException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
