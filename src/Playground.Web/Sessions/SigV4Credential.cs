namespace Playground.Web.Sessions;

/// <summary>Reads the access key id out of an AWS Signature Version 4 Authorization header. The signature is not checked: the key only names a session.</summary>
public static class SigV4Credential
{
    private const string Scheme = "AWS4-HMAC-SHA256";

    public static bool TryGetAccessKeyId(string? authorization, out string accessKeyId)
    {
        accessKeyId = string.Empty;
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var credential = authorization.IndexOf("Credential=", StringComparison.Ordinal);
        if (credential < 0)
        {
            return false;
        }

        var start = credential + "Credential=".Length;
        var slash = authorization.IndexOf('/', start);
        if (slash <= start)
        {
            return false;
        }

        var id = authorization[start..slash];
        if (id.Length > 128 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        accessKeyId = id;
        return true;
    }
}
