namespace Playground.Web.Api.Functions;

/// <summary>Body of <c>PUT /api/functions/{name}</c>.</summary>
public sealed record DeployRequest(string? Code, FunctionConfigInput? Config);
