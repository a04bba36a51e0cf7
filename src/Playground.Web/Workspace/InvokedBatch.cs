using Playground.Execution.Invocations;

namespace Playground.Web.Workspace;

/// <summary>What one press of Invoke (or Invoke ×N) ran: the event it sent and every result.</summary>
public sealed record InvokedBatch(string Event, IReadOnlyList<InvocationResult> Results);
