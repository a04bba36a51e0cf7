using System.Runtime.Versioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Playground.Execution.Events;
using Playground.Execution.Invocations;

namespace Playground.Execution;

public static class ExecutionServiceCollectionExtensions
{
    [SupportedOSPlatform("linux")]
    public static IServiceCollection AddExecutionServices(this IServiceCollection services)
    {
        services.AddOptions<ExecutionOptions>().BindConfiguration(ExecutionOptions.Section);
        services.AddOptions<QuotaOptions>().BindConfiguration(QuotaOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LifecycleEventHub>();
        services.TryAddSingleton<IInvocationRecorder, NoInvocationRecorder>();
        services.AddSingleton<ExecutionEngine>();
        services.AddHostedService<ExecutionLifetime>();
        return services;
    }
}
