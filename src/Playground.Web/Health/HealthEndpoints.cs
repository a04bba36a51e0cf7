using Playground.Execution;

namespace Playground.Web.Health;

/// <summary>
/// <c>GET /healthz</c>: liveness, the isolation this host gives execution contexts (with what it had to give up,
/// as warnings), and the quotas in force. <c>status</c> is <c>degraded</c> where handler code is refused and
/// <c>unsandboxed</c> in the unsandboxed development mode, so that neither can pass for a healthy server.
/// </summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/healthz", (ExecutionEngine engine) =>
        {
            var isolation = engine.Isolation;
            var quotas = engine.Quotas;
            return Results.Ok(new
            {
                status = isolation.Unsandboxed ? "unsandboxed" : isolation.CanRunHandlers ? "ok" : "degraded",
                isolation = new
                {
                    sandbox = isolation.Sandbox,
                    unsandboxed = isolation.Unsandboxed,
                    freezer = isolation.Freezer.Name,
                    tmpQuota = isolation.TmpQuota,
                    userNamespaces = isolation.UserNamespaces,
                    nestedUserNamespaces = isolation.IsSandboxed && !isolation.DisablesNestedUserNamespaces,
                    hostUser = isolation.HostUser?.ToString(),
                    bubblewrap = isolation.BubblewrapVersion,
                    cgroups = new
                    {
                        v2 = isolation.Cgroups?.V2Directory is not null,
                        v1 = isolation.Cgroups?.V1Directories.Keys.Order().ToArray() ?? [],
                    },
                    controllers = isolation.Controllers,
                    allContexts = new
                    {
                        memoryMb = isolation.ServerMemoryLimitBytes / (1024 * 1024),
                        processes = isolation.ServerProcessLimit,
                    },
                    warnings = isolation.Warnings,
                },
                quotas = new
                {
                    session = new
                    {
                        maxContexts = quotas.Session.MaxContexts,
                        maxEphemeralStorageMb = quotas.Session.MaxEphemeralStorageMb,
                        invocationsPerMinute = quotas.Session.InvocationsPerMinute,
                    },
                    server = new
                    {
                        maxContexts = quotas.Server.MaxContexts,
                        maxEphemeralStorageMb = quotas.Server.MaxEphemeralStorageMb,
                    },
                },
                contexts = engine.LiveContexts,
                prestarted = engine.PrestartedReady,
                ephemeralStorageMb = engine.EphemeralStorageMbInUse,
            });
        });
}
