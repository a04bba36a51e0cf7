namespace Playground.Web.Components.History;

/// <summary>The history table's filters: status, cold or warm, and a piece of a request or context id.</summary>
public sealed record HistoryFilter(string? Status = null, bool? Cold = null, string? Text = null)
{
    public bool Matches(HistoryRow row) =>
        (Status is null || row.Status == Status)
        && (Cold is null || row.Cold == Cold)
        && (string.IsNullOrWhiteSpace(Text)
            || row.RequestId.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase)
            || (row.ContextId?.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase) ?? false)
            || (row.ErrorType?.Contains(Text.Trim(), StringComparison.OrdinalIgnoreCase) ?? false));
}
