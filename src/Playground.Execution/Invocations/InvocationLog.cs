using System.Globalization;
using System.Text;

namespace Playground.Execution.Invocations;

/// <summary>
/// The log of one invocation: START, the function's lines, END, REPORT. Output past the limit is dropped with a
/// visible marker, but END and REPORT are always kept, because a flood must not hide how the invocation ended.
/// </summary>
internal sealed class InvocationLog(int maxChars)
{
    private readonly StringBuilder text = new();
    private readonly Lock gate = new();
    private long dropped;

    public bool Truncated => Interlocked.Read(ref dropped) > 0;

    public void Append(string chunk)
    {
        lock (gate)
        {
            var room = maxChars - text.Length;
            if (chunk.Length <= room)
            {
                text.Append(chunk);
                return;
            }

            if (room > 0)
            {
                text.Append(chunk, 0, room);
            }

            dropped += chunk.Length - Math.Max(room, 0);
        }
    }

    public void AppendLine(string line) => Append(line + "\n");

    /// <summary>Lines that must survive truncation (END, REPORT), after the marker if anything was dropped.</summary>
    public void AppendClosing(string line)
    {
        lock (gate)
        {
            if (dropped > 0 && !text.ToString().Contains(TruncatedMarkerStart, StringComparison.Ordinal))
            {
                if (text.Length > 0 && text[^1] != '\n')
                {
                    text.Append('\n');
                }

                text.Append(CultureInfo.InvariantCulture, $"{TruncatedMarkerStart}{dropped:N0} more characters of output were not kept]\n");
            }

            text.Append(line).Append('\n');
        }
    }

    public const string TruncatedMarkerStart = "[log truncated: ";

    public override string ToString()
    {
        lock (gate)
        {
            return text.ToString();
        }
    }
}
