using Amazon.Lambda.Core;

namespace Playground.Compilation.Tests;

internal sealed class TestLambdaContext : ILambdaContext
{
    public RecordingLogger TestLogger { get; } = new();

    public string AwsRequestId { get; init; } = Guid.NewGuid().ToString();

    public IClientContext ClientContext => null!;

    public string FunctionName => "test";

    public string FunctionVersion => "1";

    public ICognitoIdentity Identity => null!;

    public string InvokedFunctionArn => "arn:aws:lambda:us-east-1:000000000000:function:test";

    public ILambdaLogger Logger => TestLogger;

    public string LogGroupName => "/aws/lambda/test";

    public string LogStreamName => "test";

    public int MemoryLimitInMB => 128;

    public TimeSpan RemainingTime => TimeSpan.FromSeconds(3);

    internal sealed class RecordingLogger : ILambdaLogger
    {
        public List<string> Lines { get; } = [];

        public void Log(string message) => Lines.Add(message);

        public void LogLine(string message) => Lines.Add(message);
    }
}
