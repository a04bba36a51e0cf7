using System.Text;

namespace Playground.Web.Api.Invoke;

/// <summary><c>X-Amz-Log-Result</c>: the last 4 KB of the invocation's log, base64-encoded, as Lambda returns it.</summary>
public static class LogTail
{
    public const int MaxBytes = 4096;

    public static string Encode(string log)
    {
        var bytes = Encoding.UTF8.GetBytes(log);
        if (bytes.Length <= MaxBytes)
        {
            return Convert.ToBase64String(bytes);
        }

        // Start the tail on a character boundary, not inside a multi-byte sequence.
        var start = bytes.Length - MaxBytes;
        while (start < bytes.Length && (bytes[start] & 0xC0) == 0x80)
        {
            start++;
        }

        return Convert.ToBase64String(bytes, start, bytes.Length - start);
    }
}
