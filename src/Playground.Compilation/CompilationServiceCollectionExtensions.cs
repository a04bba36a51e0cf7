using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Playground.Compilation;

public static class CompilationServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HandlerCompiler"/> (options from the "Compilation" section) and warms it up in the
    /// background when the host starts.
    /// </summary>
    public static IServiceCollection AddCompilationServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<CompilerOptions>().BindConfiguration("Compilation");
        services.AddSingleton(provider => new HandlerCompiler(
            provider.GetRequiredService<IOptions<CompilerOptions>>().Value,
            TimeProviderOf(provider)));
        services.AddHostedService(provider => new CompilerWarmUp(
            provider.GetRequiredService<HandlerCompiler>(),
            TimeProviderOf(provider),
            provider.GetRequiredService<ILogger<CompilerWarmUp>>()));
        return services;
    }

    private static TimeProvider TimeProviderOf(IServiceProvider provider) =>
        provider.GetService<TimeProvider>() ?? TimeProvider.System;
}
