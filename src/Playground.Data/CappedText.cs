using System.Globalization;
using System.Text;

namespace Playground.Data;

/// <summary>
/// Text kept up to a size in UTF-8 bytes. What is cut is replaced by a visible marker, so nobody mistakes a kept
/// prefix for the whole (a cut JSON response is no longer JSON, and says why).
/// </summary>
public readonly record struct CappedText(string Text, bool Truncated)
{
    public const string MarkerStart = "[truncated: ";

    public static CappedText From(ReadOnlySpan<byte> utf8, int maxBytes)
    {
        if (utf8.Length <= maxBytes)
        {
            return new CappedText(Encoding.UTF8.GetString(utf8), false);
        }

        var cut = CharacterStart(utf8, Math.Max(maxBytes, 0));
        return new CappedText(Encoding.UTF8.GetString(utf8[..cut]) + Marker(utf8.Length - cut), true);
    }

    public static CappedText From(string text, int maxBytes) =>
        (long)text.Length * 3 <= maxBytes || Encoding.UTF8.GetByteCount(text) <= maxBytes
            ? new CappedText(text, false)
            : From(Encoding.UTF8.GetBytes(text), maxBytes);

    /// <summary>
    /// Keeps the start and the last <paramref name="tailBytes"/> and cuts the middle: a log's END and REPORT lines
    /// come last, and a flood of output must not hide how the invocation ended.
    /// </summary>
    public static CappedText KeepingEnd(string text, int maxBytes, int tailBytes)
    {
        // A UTF-16 char is at most 3 UTF-8 bytes: most logs are plainly short enough, without encoding them.
        if ((long)text.Length * 3 <= maxBytes)
        {
            return new CappedText(text, false);
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        if (utf8.Length <= maxBytes)
        {
            return new CappedText(text, false);
        }

        tailBytes = Math.Clamp(tailBytes, 0, maxBytes);
        var headEnd = CharacterStart(utf8, maxBytes - tailBytes);
        var tailStart = CharacterStart(utf8, utf8.Length - tailBytes);

        // Start the tail on a whole line where one begins within it.
        var newline = utf8.AsSpan(tailStart).IndexOf((byte)'\n');
        if (newline >= 0 && tailStart + newline + 1 < utf8.Length)
        {
            tailStart += newline + 1;
        }

        var head = Encoding.UTF8.GetString(utf8, 0, headEnd);
        var tail = Encoding.UTF8.GetString(utf8, tailStart, utf8.Length - tailStart);
        var separator = head.EndsWith('\n') ? string.Empty : "\n";
        return new CappedText(head + separator + Marker(tailStart - headEnd) + "\n" + tail, true);
    }

    private static string Marker(int droppedBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"\n{MarkerStart}{droppedBytes:N0} more bytes were not kept]");

    /// <summary>Moves back to the first byte of a character, so a cut never splits a multi-byte sequence.</summary>
    private static int CharacterStart(ReadOnlySpan<byte> utf8, int index)
    {
        while (index > 0 && index < utf8.Length && (utf8[index] & 0xC0) == 0x80)
        {
            index--;
        }

        return index;
    }
}
