using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Playground.Data.Functions;
using Playground.Data.History;
using Playground.Data.Invocations;
using Playground.Data.Sessions;
using Playground.Data.Snippets;

namespace Playground.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// The database, its migration at start-up and the history writer. Call it before services whose stopping
    /// produces history (the execution core): hosted services stop in reverse order, so the writer stops after them
    /// and still writes what they leave.
    /// </summary>
    public static IServiceCollection AddDataServices(this IServiceCollection services)
    {
        services.AddOptions<DataOptions>().BindConfiguration(DataOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DatabaseLocation>();
        services.AddDbContextFactory<PlaygroundDbContext>((provider, options) =>
            SqliteDatabase.Configure(options, provider.GetRequiredService<DatabaseLocation>().Path));
        services.AddHostedService<DatabaseInitializer>();
        services.AddSingleton<HistoryWriter>();
        services.AddHostedService(provider => provider.GetRequiredService<HistoryWriter>());
        services.AddSingleton<InvocationHistory>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<FunctionStore>();
        services.AddSingleton<SnippetStore>();
        return services;
    }
}
