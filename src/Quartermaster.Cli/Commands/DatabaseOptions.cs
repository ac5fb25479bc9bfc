using System.CommandLine;
using System.Data.Common;
using Quartermaster.Storage;

namespace Quartermaster.Cli.Commands;

/// <summary>
/// The <c>--db</c> and <c>--db-owner</c> options shared by serve, keys and audit-log, and how those verbs open the
/// database: a verb that only reads or changes what is there never creates a database, and a connection string
/// is never printed with its password.
/// </summary>
internal static class DatabaseOptions
{
    // The parts of a PostgreSQL connection string that may be shown: where, which database, as whom.
    private static readonly HashSet<string> Shown = new(StringComparer.OrdinalIgnoreCase)
    {
        "host", "server", "port", "database", "db", "username", "user name", "user id", "userid", "user",
    };

    public static Option<string?> Database() => new("--db")
    {
        Description = "SQLite file (default quartermaster.db) or a PostgreSQL connection string for the service role.",
    };

    public static Option<string?> Owner() => new("--db-owner")
    {
        Description = "PostgreSQL only: connection string of the owner role that applies migrations.",
    };

    /// <summary>Whether <paramref name="database"/> names PostgreSQL (a connection string) rather than a SQLite file.</summary>
    public static bool IsPostgres(string? database) => database is not null && database.Contains('=', StringComparison.Ordinal);

    /// <summary>
    /// The database as it may be printed or logged: the SQLite file, or PostgreSQL's host, port, database and
    /// user only; a password (or any other setting) never appears.
    /// </summary>
    public static string Describe(string? database)
    {
        if (!IsPostgres(database))
        {
            return database ?? BookStores.DefaultSqliteFile;
        }
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = database };
            var parts = builder.Keys.Cast<string>().Where(Shown.Contains).Select(k => $"{k}={builder[k]}");
            return $"PostgreSQL {string.Join(';', parts)}".TrimEnd();
        }
        catch (ArgumentException)
        {
            return "PostgreSQL";
        }
    }

    /// <summary>
    /// The store to write to, a SQLite file created when missing; null after printing one line when the
    /// connection string does not read.
    /// </summary>
    public static IBookStore? Open(CliContext context, string verb, string? database, string? owner)
    {
        try
        {
            return BookStores.Open(database, owner);
        }
        catch (ArgumentException e)
        {
            // The message names the setting at fault, never its value; the connection string is not repeated.
            context.Stderr.WriteLine($"{verb}: the connection string does not read: {Program.OneLine(e.Message)}");
            return null;
        }
    }

    /// <summary>
    /// A store that already holds Quartermaster's schema, for verbs that read or change what is there; null after
    /// printing one line when it does not exist. A missing SQLite file is reported, never created.
    /// </summary>
    public static async Task<IBookStore?> OpenExistingAsync(CliContext context, string verb, string? database, string? owner, CancellationToken cancel)
    {
        var postgres = IsPostgres(database);
        if (!postgres)
        {
            var file = new FileInfo(database ?? BookStores.DefaultSqliteFile);
            if (!file.Exists)
            {
                context.Stderr.WriteLine($"{verb}: no database at {file.FullName}; run it in the folder where qm serve keeps its database, or give --db");
                return null;
            }
            if (file.Length == 0)
            {
                context.Stderr.WriteLine($"{verb}: {file.FullName} is empty, not a Quartermaster database");
                return null;
            }
        }
        var store = Open(context, verb, database, owner);
        // Without the owner role, PostgreSQL's service role may not read the schema version; its queries say what is missing.
        if (store is not null && (!postgres || owner is not null) && await store.SchemaVersionAsync(cancel) == 0)
        {
            store.Dispose();
            context.Stderr.WriteLine($"{verb}: {(postgres ? "the PostgreSQL database" : Path.GetFullPath(database ?? BookStores.DefaultSqliteFile))} holds no Quartermaster data (no schema); give the database qm serve uses");
            return null;
        }
        return store;
    }

    /// <summary>
    /// One line for a database error, with a hint when PostgreSQL refused the service role something the owner
    /// role does (creating tables, reading the schema version).
    /// </summary>
    public static string Explain(string verb, DbException error, string? database, string? owner)
    {
        var line = $"{verb}: {Program.OneLine(error.Message)}";
        return IsPostgres(database) && owner is null && error.SqlState is "42501" or "42P01"
            ? line + "; migrations need the owner role: give --db-owner with its connection string"
            : line;
    }

    /// <summary>The example book, from the working directory or the checkout qm was built in; null when neither has it.</summary>
    public static string? ExampleBook() => Shipped("examples/neutral-cloud-2026.yaml");

    /// <summary>
    /// A file shipped with Quartermaster (<paramref name="relative"/> to the repository root): in the current directory
    /// when there, else beside or above the running program, so commands find it when started from anywhere; null when absent.
    /// </summary>
    public static string? Shipped(string relative)
    {
        if (File.Exists(relative))
        {
            return relative;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
