using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Playground.Execution.Events;
using Playground.Execution.Sandbox;

namespace Playground.Execution.Contexts;

/// <summary>What every execution context uses, shared.</summary>
[SupportedOSPlatform("linux")]
internal sealed record ContextServices(
    SandboxFactory Sandboxes,
    SandboxSpares Spares,
    LifecycleEventHub Events,
    TimeProvider Time,
    ExecutionOptions Options,
    ILogger Logger);
