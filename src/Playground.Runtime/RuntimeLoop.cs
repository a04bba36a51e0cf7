using System.Diagnostics;
using System.Text.Json;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>
/// Hello, then Load and Init once, then Invoke after Invoke until the host closes the socket. The loop keeps the
/// process's main thread: it blocks in the socket between invocations (where the host freezes it) and while a
/// handler's task runs, so that no thread-pool thread is ever held and the next frame wakes it directly.
/// </summary>
internal sealed class RuntimeLoop(RuntimeChannel channel, FunctionOutput output)
{
    public int Run()
    {
        channel.Send(FrameType.Hello, new HelloMessage(ProtocolJson.Version, Environment.ProcessId), ProtocolJson.Default.HelloMessage);

        // A runtime started on demand gets its Load at once, and a rehearsal would only stand between the caller and
        // Init (under the context's CPU quota). A pre-started one waits: it rehearses meanwhile, and has long finished
        // when its Load comes.
        var rehearsal = channel.WaitForFrame(TimeSpan.FromMilliseconds(50)) ? Task.CompletedTask : Task.Run(() => Rehearsal.RunAsync(output));
        var load = channel.Read();
        if (load is not { Type: FrameType.Load } loadFrame)
        {
            return load is null ? 0 : 3;
        }

        rehearsal.GetAwaiter().GetResult();
        var function = InitializeAsync(loadFrame).GetAwaiter().GetResult();
        if (function is null)
        {
            // Lambda retries a failed Init with a fresh runtime; the host does the same by restarting this process.
            return 1;
        }

        while (channel.Read() is { } frame)
        {
            if (frame.Type != FrameType.Invoke)
            {
                return 3;
            }

            InvokeAsync(function, frame).GetAwaiter().GetResult();
        }

        return 0;
    }

    private async Task<LoadedFunction?> InitializeAsync(Frame frame)
    {
        var started = Stopwatch.GetTimestamp();
        var message = JsonSerializer.Deserialize(frame.Header.Span, ProtocolJson.Default.LoadMessage)!;
        foreach (var (name, value) in message.Environment)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        try
        {
            var function = await LoadedFunction.LoadAsync(message, frame.Body, output);
            output.Flush();
            var elapsed = Stopwatch.GetElapsedTime(started);
            channel.Send(FrameType.InitCompleted, new InitCompletedMessage(elapsed.TotalMilliseconds), ProtocolJson.Default.InitCompletedMessage);
            return function;
        }
        catch (Exception exception)
        {
            output.Flush();
            channel.Send(FrameType.InitFailed, ErrorReport.From(null, exception), ProtocolJson.Default.ErrorMessage);
            return null;
        }
    }

    private async Task InvokeAsync(LoadedFunction function, Frame frame)
    {
        var message = JsonSerializer.Deserialize(frame.Header.Span, ProtocolJson.Default.InvokeMessage)!;
        var context = new LambdaContext(message, function.Load, output);
        output.BeginInvocation(message.RequestId);
        byte[] response;
        try
        {
            response = await function.Invoker.InvokeAsync(frame.Body, context);
        }
        catch (Exception exception)
        {
            output.EndInvocation();
            channel.Send(FrameType.Error, ErrorReport.From(message.RequestId, exception), ProtocolJson.Default.ErrorMessage);
            return;
        }

        output.EndInvocation();
        channel.Send(FrameType.Response, new ResponseMessage(message.RequestId), ProtocolJson.Default.ResponseMessage, response);
    }
}
