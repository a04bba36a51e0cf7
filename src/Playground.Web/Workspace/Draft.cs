using Playground.Web.Components.Settings;

namespace Playground.Web.Workspace;

/// <summary>What the user is working on: code, sample event and settings, and the example it started from.</summary>
public sealed record Draft(string Code, string Event, FunctionSettings Settings, string? ExampleId);
