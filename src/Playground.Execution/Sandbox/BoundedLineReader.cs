using System.Text;

namespace Playground.Execution.Sandbox;

/// <summary>
/// Reads lines from a sandbox's pipe without trusting what comes through it: a line longer than the limit is handed
/// on in pieces, so a handler that writes gigabytes without a newline costs the server one bounded buffer.
/// </summary>
internal sealed class BoundedLineReader(TextReader reader, int maxLineChars = 16 * 1024)
{
    private readonly char[] buffer = new char[4096];
    private readonly StringBuilder pending = new();
    private int start;
    private int end;

    /// <summary>The next line (without its newline) or piece of an overlong one; null at the end of the stream.</summary>
    public async Task<string?> ReadLineAsync()
    {
        while (true)
        {
            for (; start < end; start++)
            {
                var c = buffer[start];
                if (c == '\n')
                {
                    start++;
                    return Take();
                }

                pending.Append(c);
                if (pending.Length >= maxLineChars)
                {
                    start++;
                    return Take();
                }
            }

            start = 0;
            end = await reader.ReadAsync(buffer);
            if (end == 0)
            {
                return pending.Length > 0 ? Take() : null;
            }
        }
    }

    private string Take()
    {
        var line = pending.ToString();
        pending.Clear();
        return line;
    }
}
