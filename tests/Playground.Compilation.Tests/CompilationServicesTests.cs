using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Playground.Compilation.Tests;

public class CompilationServicesTests
{
    [Fact]
    public async Task WarmUp_compiles_its_samples()
    {
        await Compilers.Create().WarmUpAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddCompilationServices_registers_a_singleton_compiler_and_a_background_warm_up()
    {
        var services = new ServiceCollection().AddCompilationServices();

        var compilerDescriptor = Assert.Single(services, d => d.ServiceType == typeof(HandlerCompiler));
        Assert.Equal(ServiceLifetime.Singleton, compilerDescriptor.Lifetime);
        Assert.Contains(services, d => d.ServiceType == typeof(IConfigureOptions<CompilerOptions>));
        var warmUpDescriptor = Assert.Single(services, d => d.ServiceType == typeof(IHostedService));

        var provider = new MinimalServiceProvider();
        var compiler = (HandlerCompiler)compilerDescriptor.ImplementationFactory!(provider);
        provider.Add(compiler);
        var warmUp = Assert.IsType<CompilerWarmUp>(warmUpDescriptor.ImplementationFactory!(provider));

        var start = warmUp.StartAsync(CancellationToken.None);
        Assert.True(start.IsCompleted); // start-up does not wait for Roslyn
        await warmUp.StopAsync(CancellationToken.None);
        Assert.True((await compiler.CompileAsync("void Handler() { }", CancellationToken.None)).Success);
    }

    /// <summary>Just enough of a container to run the registered factories without the DI implementation package.</summary>
    private sealed class MinimalServiceProvider : IServiceProvider
    {
        private readonly Dictionary<Type, object> services = new()
        {
            [typeof(IOptions<CompilerOptions>)] = Options.Create(new CompilerOptions()),
            [typeof(ILogger<CompilerWarmUp>)] = NullLogger<CompilerWarmUp>.Instance,
        };

        public void Add<T>(T service)
            where T : notnull => services[typeof(T)] = service;

        public object? GetService(Type serviceType) => services.GetValueOrDefault(serviceType);
    }
}
