namespace Playground.Web.Sessions;

/// <summary>When sessions expire (section "Sessions" of appsettings.json).</summary>
public sealed class SessionExpiryOptions
{
    public const string Section = "Sessions";

    /// <summary>A session not seen for this long expires: its contexts are reclaimed and its history deleted.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often expired sessions are looked for, and last-seen times written.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);
}
