namespace Playground.Runtime.Protocol;

/// <summary>Header of <see cref="FrameType.Hello"/>.</summary>
public sealed record HelloMessage(int ProtocolVersion, int ProcessId);

/// <summary>Header of <see cref="FrameType.Load"/>; the body is the handler's assembly.</summary>
public sealed record LoadMessage(
    HandlerBinding Handler,
    string FunctionName,
    string FunctionVersion,
    int MemorySizeMb,
    string InvokedFunctionArn,
    string LogGroupName,
    string LogStreamName,
    IReadOnlyDictionary<string, string> Environment,
    int MaxResponseBytes);

/// <summary>Where the handler is in the loaded assembly and how to start it.</summary>
/// <param name="Shape">Script: <c>Submission#0</c> with a <c>Handler</c> method; Class: a type whose constructor is Init.</param>
/// <param name="TypeName">Metadata name of the type that holds the handler method.</param>
/// <param name="MethodName">Name of the handler method on that type.</param>
public sealed record HandlerBinding(HandlerShape Shape, string TypeName, string MethodName);

/// <summary>The two shapes of handler code.</summary>
public enum HandlerShape
{
    Script = 0,
    Class = 1,
}

/// <summary>Header of <see cref="FrameType.InitCompleted"/>.</summary>
public sealed record InitCompletedMessage(double DurationMs);

/// <summary>Header of <see cref="FrameType.Invoke"/>; the body is the event JSON.</summary>
public sealed record InvokeMessage(
    string RequestId,
    long DeadlineUnixMs,
    string InvokedFunctionArn,
    string? ClientContextJson,
    string? CognitoIdentityId,
    string? CognitoIdentityPoolId,
    string? TraceId);

/// <summary>Header of <see cref="FrameType.Response"/>; the body is the response JSON.</summary>
public sealed record ResponseMessage(string RequestId);

/// <summary>Header of <see cref="FrameType.Error"/> and <see cref="FrameType.InitFailed"/>, in Lambda's error shape.</summary>
public sealed record ErrorMessage(string? RequestId, string ErrorType, string ErrorMessageText, IReadOnlyList<string> StackTrace);

/// <summary>Header of <see cref="FrameType.Log"/>: the invocation the text belongs to, or null for output between invocations.</summary>
public sealed record LogMessage(string? RequestId);
