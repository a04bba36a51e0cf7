// Execution contexts are Linux sandboxes (bubblewrap, cgroups): the tests that start them run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
