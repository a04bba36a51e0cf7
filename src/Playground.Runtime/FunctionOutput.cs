using System.Text;
using Amazon.Lambda.Core;
using Playground.Runtime.Protocol;

namespace Playground.Runtime;

/// <summary>
/// Everything the function writes (Console.Out, Console.Error, LambdaLogger, ILambdaLogger) goes to the host as Log
/// frames, line by line. A line belongs to the invocation that is running when it is written; output while none runs
/// (background work after a thaw) carries no request id and belongs to the execution context.
/// </summary>
internal sealed class FunctionOutput(RuntimeChannel channel)
{
    private const int MaxPendingChars = 64 * 1024;

    private readonly Lock bufferLock = new();
    private readonly StringBuilder pending = new();
    private volatile string? currentRequestId;

    public string? CurrentRequestId => currentRequestId;

    public void CaptureConsole()
    {
        var writer = new FunctionOutputWriter(this);
        Console.SetOut(writer);
        Console.SetError(writer);
        LambdaLogger.RedirectTo(Write);
    }

    public void BeginInvocation(string requestId)
    {
        Flush();
        currentRequestId = requestId;
    }

    /// <summary>Sends what is left of the invocation's output before its response, so the log is complete.</summary>
    public void EndInvocation()
    {
        Flush();
        currentRequestId = null;
    }

    public void Write(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        string? complete = null;
        lock (bufferLock)
        {
            pending.Append(text);
            var lastNewline = LastIndexOf(pending, '\n');
            if (pending.Length >= MaxPendingChars)
            {
                // Output without newlines is sent in pieces: one frame must stay far below the host's frame limit.
                complete = pending.ToString();
                pending.Clear();
            }
            else if (lastNewline >= 0)
            {
                complete = pending.ToString(0, lastNewline + 1);
                pending.Remove(0, lastNewline + 1);
            }
        }

        if (complete is not null)
        {
            Send(complete);
        }
    }

    public void Flush()
    {
        string? rest = null;
        lock (bufferLock)
        {
            if (pending.Length > 0)
            {
                rest = pending.ToString();
                pending.Clear();
            }
        }

        if (rest is not null)
        {
            Send(rest);
        }
    }

    private void Send(string text)
    {
        for (var start = 0; start < text.Length; start += MaxPendingChars)
        {
            var bytes = Encoding.UTF8.GetBytes(text, start, Math.Min(MaxPendingChars, text.Length - start));
            channel.Send(FrameType.Log, new LogMessage(currentRequestId), ProtocolJson.Default.LogMessage, bytes);
        }
    }

    private static int LastIndexOf(StringBuilder builder, char c)
    {
        for (var i = builder.Length - 1; i >= 0; i--)
        {
            if (builder[i] == c)
            {
                return i;
            }
        }

        return -1;
    }
}
