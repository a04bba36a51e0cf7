// The web app (and so every component under test) is built for Linux, where its execution contexts run.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
