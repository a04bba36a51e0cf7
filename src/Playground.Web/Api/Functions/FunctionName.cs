using System.Text.RegularExpressions;

namespace Playground.Web.Api.Functions;

/// <summary>Lambda's function names, and the forms the Invoke API accepts for them (name, partial ARN, full ARN, with a qualifier).</summary>
public static partial class FunctionName
{
    public static bool IsValid(string name) => NamePattern().IsMatch(name);

    /// <summary>Splits "name", "name:qualifier", "123456789012:function:name[:q]" or a full ARN into name and qualifier.</summary>
    public static bool TryParse(string value, out string name, out string? qualifier)
    {
        name = string.Empty;
        qualifier = null;
        var parts = Uri.UnescapeDataString(value).Split(':');
        var index = Array.IndexOf(parts, "function");
        var rest = index >= 0 ? parts[(index + 1)..] : parts;
        if (rest.Length is 0 or > 2 || !IsValid(rest[0]))
        {
            return false;
        }

        name = rest[0];
        qualifier = rest.Length == 2 ? rest[1] : null;
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex NamePattern();
}
