using System.Text.Json;
using System.Text.Json.Serialization;
using Playground.Execution;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Events;

/// <summary><c>GET /api/events</c>: the session's lifecycle events as Server-Sent Events, one JSON object per event.</summary>
public static class EventStreamEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter() },
    };

    public static void MapEventStreamEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/events", StreamAsync);

    private static async Task StreamAsync(HttpContext http, ExecutionEngine engine, string? function, CancellationToken cancellationToken)
    {
        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        using var subscription = engine.Events.Subscribe(http.SessionId());

        // The stream is open (and the subscription in place) as soon as the client sees this comment.
        await response.WriteAsync(": connected\n\n", cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        var reader = subscription.Reader;
        try
        {
            while (true)
            {
                using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                heartbeat.CancelAfter(TimeSpan.FromSeconds(15));
                bool available;
                try
                {
                    available = await reader.WaitToReadAsync(heartbeat.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    continue;
                }

                if (!available)
                {
                    return;
                }

                while (reader.TryRead(out var lifecycleEvent))
                {
                    if (function is null || function == lifecycleEvent.FunctionName)
                    {
                        await response.WriteAsync($"data: {JsonSerializer.Serialize(lifecycleEvent, Json)}\n\n", cancellationToken);
                    }
                }

                await response.Body.FlushAsync(cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
