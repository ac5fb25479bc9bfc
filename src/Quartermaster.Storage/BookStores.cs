namespace Quartermaster.Storage;

/// <summary>Opens the store a <c>--db</c> option names.</summary>
public static class BookStores
{
    /// <summary>The default SQLite file, in the working directory.</summary>
    public const string DefaultSqliteFile = "quartermaster.db";

    /// <summary>
    /// A PostgreSQL store when <paramref name="database"/> looks like a connection string (contains <c>=</c>),
    /// else a SQLite store on the file it names (<see cref="DefaultSqliteFile"/> when null).
    /// </summary>
    public static IBookStore Open(string? database, string? ownerConnectionString = null, StoreOptions? options = null) =>
        database is not null && database.Contains('=', StringComparison.Ordinal)
            ? new PostgresBookStore(database, ownerConnectionString, options)
            : new SqliteBookStore(database ?? DefaultSqliteFile, options);
}
