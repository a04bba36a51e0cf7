using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Playground.Web.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor's services, a stopped clock and JS calls answered with defaults.</summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddSingleton<TimeProvider>(Clock);
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    protected StoppedClock Clock { get; } = new(T0);

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that only dispose asynchronously.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
