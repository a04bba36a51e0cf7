using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Playground.Data;

/// <summary>
/// Stores instants as Unix milliseconds: SQLite has no date type, and EF Core's text form of DateTimeOffset can be
/// neither compared nor ordered in SQL. Milliseconds read well in the sqlite3 shell too (<c>datetime(At/1000, 'unixepoch')</c>).
/// </summary>
internal sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.ToUnixTimeMilliseconds(),
    value => DateTimeOffset.FromUnixTimeMilliseconds(value));
