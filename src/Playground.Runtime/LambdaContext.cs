using Amazon.Lambda.Core;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>The <see cref="ILambdaContext"/> of one invocation.</summary>
internal sealed class LambdaContext(InvokeMessage invoke, LoadMessage function, FunctionOutput output) : ILambdaContext
{
    private readonly DateTimeOffset deadline = DateTimeOffset.FromUnixTimeMilliseconds(invoke.DeadlineUnixMs);

    public string AwsRequestId => invoke.RequestId;

    public IClientContext ClientContext { get; } = Runtime.ClientContext.Parse(invoke.ClientContextJson)!;

    public string FunctionName => function.FunctionName;

    public string FunctionVersion => function.FunctionVersion;

    public ICognitoIdentity Identity { get; } = invoke.CognitoIdentityId is null && invoke.CognitoIdentityPoolId is null
        ? null!
        : new CognitoIdentity(invoke.CognitoIdentityId ?? string.Empty, invoke.CognitoIdentityPoolId ?? string.Empty);

    public string InvokedFunctionArn => invoke.InvokedFunctionArn;

    public ILambdaLogger Logger { get; } = new InvocationLogger(output, invoke.RequestId);

    public string LogGroupName => function.LogGroupName;

    public string LogStreamName => function.LogStreamName;

    public int MemoryLimitInMB => function.MemorySizeMb;

    public TimeSpan RemainingTime
    {
        get
        {
            var left = deadline - TimeProvider.System.GetUtcNow();
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    public string TraceId => invoke.TraceId ?? string.Empty;
}
