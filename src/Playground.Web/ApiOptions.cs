namespace Playground.Web;

/// <summary>Limits of the HTTP API (section "Api").</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Lambda's limit for a synchronous invocation's event.</summary>
    public int MaxSyncPayloadBytes { get; set; } = 6 * 1024 * 1024;

    /// <summary>Lambda's limit for an asynchronous (Event) invocation's event.</summary>
    public int MaxAsyncPayloadBytes { get; set; } = 1024 * 1024;
}
