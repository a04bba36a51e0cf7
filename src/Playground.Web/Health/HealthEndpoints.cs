using Playground.Execution;

namespace Playground.Web.Health;

/// <summary><c>GET /healthz</c>: liveness, and the isolation this host gives execution contexts.</summary>
public static class HealthEndpoints
{
    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/healthz", (ExecutionEngine engine) =>
        {
            var isolation = engine.Isolation;
            return Results.Ok(new
            {
                status = isolation.CanRunHandlers ? "ok" : "degraded",
                isolation = new
                {
                    sandbox = isolation.Sandbox,
                    freezer = isolation.Freezer.Name,
                    tmpQuota = isolation.TmpQuota,
                    userNamespaces = isolation.UserNamespaces,
                    bubblewrap = isolation.BubblewrapVersion,
                    cgroups = new
                    {
                        v2 = isolation.Cgroups?.V2Directory is not null,
                        v1 = isolation.Cgroups?.V1Directories.Keys.Order().ToArray() ?? [],
                    },
                    controllers = isolation.Controllers,
                    warnings = isolation.Warnings,
                },
                contexts = engine.LiveContexts,
                prestarted = engine.PrestartedReady,
            });
        });
}
