// The browser tests drive a server whose execution contexts are Linux sandboxes.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
