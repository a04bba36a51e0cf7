using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Playground.Data;

/// <summary>The database file's full path: <see cref="DataOptions.DatabasePath"/>, taken from the content root when relative.</summary>
public sealed class DatabaseLocation(IOptions<DataOptions> options, IHostEnvironment? environment = null)
{
    public string Path { get; } = System.IO.Path.GetFullPath(
        options.Value.DatabasePath,
        environment?.ContentRootPath ?? AppContext.BaseDirectory);
}
