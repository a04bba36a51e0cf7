namespace Amazon.Lambda.Core;

/// <summary>What an invocation knows about itself and its execution context (the members of Amazon.Lambda.Core's).</summary>
public interface ILambdaContext
{
    string AwsRequestId { get; }

    IClientContext ClientContext { get; }

    string FunctionName { get; }

    string FunctionVersion { get; }

    ICognitoIdentity Identity { get; }

    string InvokedFunctionArn { get; }

    ILambdaLogger Logger { get; }

    string LogGroupName { get; }

    string LogStreamName { get; }

    int MemoryLimitInMB { get; }

    TimeSpan RemainingTime { get; }

    string TraceId => string.Empty;

    string TenantId => string.Empty;
}
