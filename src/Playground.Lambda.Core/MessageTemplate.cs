using System.Text;

namespace Amazon.Lambda.Core;

/// <summary>
/// Fills a structured-logging template ("order {id} for {customer}") with its arguments by position, the way the
/// Lambda logger renders it in text mode.
/// </summary>
internal static class MessageTemplate
{
    public static string Format(string message, object[]? args)
    {
        if (args is null || args.Length == 0 || message.IndexOf('{') < 0)
        {
            return message;
        }

        var builder = new StringBuilder(message.Length + 16 * args.Length);
        var next = 0;
        for (var i = 0; i < message.Length; i++)
        {
            var c = message[i];
            if (c == '{' && i + 1 < message.Length && message[i + 1] == '{')
            {
                builder.Append('{');
                i++;
                continue;
            }

            if (c == '}' && i + 1 < message.Length && message[i + 1] == '}')
            {
                builder.Append('}');
                i++;
                continue;
            }

            var close = c == '{' ? message.IndexOf('}', i + 1) : -1;
            if (close < 0 || next >= args.Length)
            {
                builder.Append(c);
                continue;
            }

            builder.Append(Convert.ToString(args[next++], System.Globalization.CultureInfo.InvariantCulture));
            i = close;
        }

        return builder.ToString();
    }
}
