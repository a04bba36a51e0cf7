namespace Amazon.Lambda.Core;

/// <summary>The calling application, as described in a client context.</summary>
public interface IClientApplication
{
    string AppPackageName { get; }

    string AppTitle { get; }

    string AppVersionCode { get; }

    string AppVersionName { get; }

    string InstallationId { get; }
}
