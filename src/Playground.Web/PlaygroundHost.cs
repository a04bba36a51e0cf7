using Playground.Compilation;
using Playground.Data;
using Playground.Execution;
using Playground.Execution.Invocations;
using Playground.Web.Api.Events;
using Playground.Web.Api.Functions;
using Playground.Web.Api.Invocations;
using Playground.Web.Api.Invoke;
using Playground.Web.Api.Snippets;
using Playground.Web.Health;
using Playground.Web.History;
using Playground.Web.Sessions;

namespace Playground.Web;

/// <summary>The composition root: configuration, services and endpoints of the playground.</summary>
public static class PlaygroundHost
{
    /// <summary>
    /// The settings live in one appsettings.json at the repository root, copied next to the app; it goes first, so
    /// environment variables and the command line still override it.
    /// </summary>
    public static void AddPlaygroundConfiguration(this WebApplicationBuilder builder)
    {
        var shared = Path.Join(AppContext.BaseDirectory, "appsettings.json");
        if (File.Exists(shared))
        {
            builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource
            {
                Path = "appsettings.json",
                Optional = false,
                ReloadOnChange = false,
                FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(AppContext.BaseDirectory),
            });
        }
    }

    public static IServiceCollection AddPlaygroundServices(this IServiceCollection services)
    {
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddOptions<SessionExpiryOptions>().BindConfiguration(SessionExpiryOptions.Section);
        services.AddOptions<SnippetOptions>().BindConfiguration(SnippetOptions.Section);
        services.AddSingleton(TimeProvider.System);

        // Data first: hosted services stop in reverse order, so the history writer stops last and still writes the
        // invocations and events that stopping the execution core produces.
        services.AddDataServices();
        services.AddSingleton<HistoryRecorder>();
        services.AddSingleton<IInvocationRecorder>(provider => provider.GetRequiredService<HistoryRecorder>());
        services.AddHostedService<LifecycleEventRecorder>();
        services.AddSingleton<FunctionRestorer>();
        services.AddSingleton<SessionRegistry>();
        services.AddHostedService<SessionLifetime>();
        services.AddCompilationServices();
        services.AddExecutionServices();
        services.AddInvocationRateLimiting();
        services.AddPlaygroundPages();
        services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        return services;
    }

    public static void MapPlayground(this WebApplication app)
    {
        app.MapHealthEndpoints();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/2015-03-31")
                || (PageHost.IsPage(context.Request.Path) && !PageHost.IsSnippetPage(context.Request.Path)),
            api => api.UseMiddleware<SessionMiddleware>());
        app.UseWhen(context => PageHost.IsSnippetPage(context.Request.Path), page => page.UseMiddleware<FreshSessionMiddleware>());
        app.MapFunctionEndpoints();
        app.MapInvokeEndpoints();
        app.MapEventStreamEndpoints();
        app.MapInvocationEndpoints();
        app.MapSnippetEndpoints();
        app.MapPlaygroundPages();
    }
}
