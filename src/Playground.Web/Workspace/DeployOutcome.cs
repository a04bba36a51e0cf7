using Playground.Compilation;
using Playground.Execution.Functions;

namespace Playground.Web.Workspace;

/// <summary>What a deploy from the page came to: a version, or why there is none (compile errors, settings out of range).</summary>
public sealed record DeployOutcome(FunctionVersion? Version, IReadOnlyList<CompileDiagnostic> Diagnostics, IReadOnlyList<ConfigurationError> ConfigurationErrors)
{
    public bool Deployed => Version is not null;
}
