using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace Playground.Compilation;

/// <summary>
/// The content hash of a compile: the code plus everything else that changes the emitted bytes, so that a new
/// playground, Roslyn or .NET version never reuses an old compile.
/// </summary>
internal static class CompileHash
{
    private static readonly string Fingerprint = string.Join(
        '\n',
        "playground " + VersionOf(typeof(CompileHash).Assembly),
        "roslyn " + VersionOf(typeof(CSharpCompilation).Assembly),
        "lambda-core " + VersionOf(typeof(Amazon.Lambda.Core.ILambdaContext).Assembly),
        "runtime " + Environment.Version,
        "language " + HandlerShapeDetector.LanguageVersion,
        "imports " + string.Join(',', DefaultImports.Namespaces),
        "\0");

    public static string Compute(string code)
    {
        var bytes = Encoding.UTF8.GetBytes(Fingerprint + code);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
