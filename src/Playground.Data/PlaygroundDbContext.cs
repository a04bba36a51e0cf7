using Microsoft.EntityFrameworkCore;
using Playground.Data.Events;
using Playground.Data.Functions;
using Playground.Data.Invocations;
using Playground.Data.Sessions;
using Playground.Data.Snippets;

namespace Playground.Data;

/// <summary>The playground's SQLite database: sessions, functions, invocation history, lifecycle events, snippets.</summary>
public sealed class PlaygroundDbContext(DbContextOptions<PlaygroundDbContext> options) : DbContext(options)
{
    public DbSet<StoredSession> Sessions => Set<StoredSession>();

    public DbSet<StoredFunction> Functions => Set<StoredFunction>();

    public DbSet<StoredInvocation> Invocations => Set<StoredInvocation>();

    public DbSet<StoredLifecycleEvent> LifecycleEvents => Set<StoredLifecycleEvent>();

    public DbSet<Snippet> Snippets => Set<Snippet>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<StoredSession>(session =>
        {
            session.HasKey(s => s.Id);
            session.HasIndex(s => s.LastSeenAt);
        });

        modelBuilder.Entity<StoredFunction>(function =>
        {
            function.HasIndex(f => new { f.SessionId, f.Name, f.Version }).IsUnique();
        });

        // Every history read is one session's, newest first, so every index leads with the session.
        modelBuilder.Entity<StoredInvocation>(invocation =>
        {
            invocation.HasIndex(i => i.RequestId).IsUnique();
            invocation.HasIndex(i => new { i.SessionId, i.Id });
            invocation.HasIndex(i => new { i.SessionId, i.FunctionName, i.Id });
        });

        modelBuilder.Entity<StoredLifecycleEvent>(lifecycleEvent =>
        {
            lifecycleEvent.HasIndex(e => new { e.SessionId, e.Id });
        });

        modelBuilder.Entity<Snippet>(snippet =>
        {
            snippet.HasKey(s => s.Id);
        });
    }
}
