namespace Amazon.Lambda.Core;

/// <summary>The client context a caller sent with the invocation (X-Amz-Client-Context).</summary>
public interface IClientContext
{
    IDictionary<string, string> Environment { get; }

    IClientApplication Client { get; }

    IDictionary<string, string> Custom { get; }
}
