using System.Globalization;
using Playground.Data.Invocations;
using Playground.Execution.Invocations;
using Playground.Web.Sessions;

namespace Playground.Web.Api.Invocations;

/// <summary>
/// The session's invocation history from SQLite, newest first. An invocation is there once the history writer has
/// flushed it, at most a flush interval (100 ms) after its response.
/// </summary>
public static class InvocationEndpoints
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    public static void MapInvocationEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/invocations", ListAsync);
        routes.MapGet("/api/invocations/{requestId}", GetAsync);
    }

    private static async Task<IResult> ListAsync(
        HttpContext http, InvocationHistory history, string? function, string? status, string? cold, string? before, string? limit,
        CancellationToken cancellationToken)
    {
        var query = new InvocationQuery(http.SessionId(), DefaultLimit) { FunctionName = string.IsNullOrEmpty(function) ? null : function };
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<InvocationStatus>(status.Replace("-", string.Empty).Replace("_", string.Empty), ignoreCase: true, out var parsed)
                || !Enum.IsDefined(parsed) || char.IsDigit(status[0]))
            {
                return ApiError.BadRequest($"status must be one of {string.Join(", ", Enum.GetNames<InvocationStatus>())}.");
            }

            query = query with { Status = parsed.ToString() };
        }

        if (!string.IsNullOrEmpty(cold))
        {
            if (!bool.TryParse(cold, out var isCold))
            {
                return ApiError.BadRequest("cold must be true (cold starts only) or false (warm invocations only).");
            }

            query = query with { Cold = isCold };
        }

        if (!string.IsNullOrEmpty(before))
        {
            if (!long.TryParse(before, NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            {
                return ApiError.BadRequest("before must be the cursor of an invocation from an earlier page.");
            }

            query = query with { Before = cursor };
        }

        if (!string.IsNullOrEmpty(limit))
        {
            if (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size is < 1 or > MaxLimit)
            {
                return ApiError.BadRequest($"limit must be between 1 and {MaxLimit}.");
            }

            query = query with { Limit = size };
        }

        var (page, more) = await history.ListAsync(query, cancellationToken);
        return Results.Ok(new
        {
            invocations = page.Select(Summary),
            next = more ? NextPage(http.Request, page[^1].Id) : null,
        });
    }

    private static async Task<IResult> GetAsync(string requestId, HttpContext http, InvocationHistory history, CancellationToken cancellationToken)
    {
        var invocation = await history.FindAsync(http.SessionId(), requestId, cancellationToken);
        if (invocation is null)
        {
            return ApiError.NotFound($"No invocation {requestId} in this session (a new one is listed within a flush interval of its response).");
        }

        // The list's fields, then what only one invocation's page has.
        var body = Summary(InvocationSummary.Of(invocation));
        body["request"] = invocation.Request;
        body["requestTruncated"] = invocation.RequestTruncated;
        body["response"] = invocation.Response;
        body["responseTruncated"] = invocation.ResponseTruncated;
        body["log"] = invocation.Log;
        body["logTruncated"] = invocation.LogTruncated;
        return Results.Ok(body);
    }

    private static Dictionary<string, object?> Summary(InvocationSummary invocation) => new()
    {
        ["cursor"] = invocation.Id,
        ["requestId"] = invocation.RequestId,
        ["function"] = invocation.FunctionName,
        ["version"] = invocation.Version,
        ["contextId"] = invocation.ContextId,
        ["cold"] = invocation.Cold,
        ["status"] = invocation.Status,
        ["errorType"] = invocation.ErrorType,
        ["startedAt"] = invocation.StartedAt,
        ["initDurationMs"] = invocation.InitDurationMs,
        ["durationMs"] = invocation.DurationMs,
        ["billedDurationMs"] = invocation.BilledDurationMs,
        ["memorySizeMb"] = invocation.MemorySizeMb,
        ["maxMemoryUsedMb"] = invocation.MaxMemoryUsedMb,
    };

    /// <summary>The same query (filters and limit) one page further back.</summary>
    private static string NextPage(HttpRequest request, long cursor)
    {
        var parameters = request.Query
            .Where(pair => !string.Equals(pair.Key, "before", StringComparison.OrdinalIgnoreCase))
            .SelectMany(pair => pair.Value.Select(value => $"{Uri.EscapeDataString(pair.Key)}={Uri.EscapeDataString(value ?? string.Empty)}"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"before={cursor}"));
        return $"/api/invocations?{string.Join('&', parameters)}";
    }
}
