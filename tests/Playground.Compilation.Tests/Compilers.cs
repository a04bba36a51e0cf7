namespace Playground.Compilation.Tests;

internal static class Compilers
{
    public static HandlerCompiler Create(Action<CompilerOptions>? configure = null)
    {
        var options = new CompilerOptions();
        configure?.Invoke(options);
        return new HandlerCompiler(options, TimeProvider.System);
    }

    public static Task<CompileResult> CompileAsync(string code) => Create().CompileAsync(code, CancellationToken.None);
}
