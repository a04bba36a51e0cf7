namespace Playground.Execution.Functions;

/// <summary>What a deploy hands to the execution core: compiled code and configuration.</summary>
public sealed record FunctionDeployment(string CodeHash, byte[] Assembly, HandlerEntry Handler, FunctionConfiguration Configuration);
