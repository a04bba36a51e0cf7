using Microsoft.EntityFrameworkCore.Design;

namespace Playground.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without the web app: <c>dotnet ef migrations add Name -p src/Playground.Data</c>.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlaygroundDbContext>
{
    public PlaygroundDbContext CreateDbContext(string[] args) => new(SqliteDatabase.Options("design-time.db"));
}
