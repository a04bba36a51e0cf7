using System.Numerics;
using System.Text;

namespace Playground.Data.Snippets;

/// <summary>
/// Snippet ids: the content hash in base62, of which the first <see cref="ShortLength"/> characters are used, one
/// more for each different content that already holds the shorter id. 8 base62 characters are 47 bits: a collision is
/// rare enough that lengthening on one keeps ids short for good.
/// </summary>
public static class SnippetId
{
    public const int ShortLength = 8;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The whole hash in base62 (43 characters for SHA-256); ids are its prefixes.</summary>
    public static string Full(byte[] hash)
    {
        var value = new BigInteger(hash, isUnsigned: true, isBigEndian: true);
        var digits = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, Alphabet.Length, out var remainder);
            digits.Insert(0, Alphabet[(int)remainder]);
        }

        // A hash with leading zero bits still gives every prefix length.
        return digits.ToString().PadLeft(43, '0');
    }

    public static bool IsWellFormed(string id) =>
        id.Length is >= ShortLength and <= 43 && id.All(c => char.IsAsciiLetterOrDigit(c));
}
