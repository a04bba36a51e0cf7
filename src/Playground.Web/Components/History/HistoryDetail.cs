namespace Playground.Web.Components.History;

/// <summary>What a click on a history row opens: the event the invocation got, what it answered, and its log.</summary>
public sealed record HistoryDetail(string RequestId, string Payload, string Response, string Log);
