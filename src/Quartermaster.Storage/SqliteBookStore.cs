using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Quartermaster.Storage;

/// <summary>
/// The store in one SQLite file: WAL journal with <c>synchronous=FULL</c>, so a write acknowledged
/// (committed) survives a killed process or a power cut; writers take the lock up front (BEGIN IMMEDIATE)
/// and wait for each other up to 30 s. SQLite has no row-level security: isolation is the application's filter.
/// </summary>
public sealed class SqliteBookStore : SqlBookStore
{
    private readonly string _connectionString;

    /// <summary>Opens (creating when missing) the database file at <paramref name="path"/>.</summary>
    public SqliteBookStore(string path, StoreOptions? options = null) : base(options ?? StoreOptions.Default)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }

    /// <summary>Full path of the database file.</summary>
    public string Path { get; }

    /// <summary>Closes this file's pooled connections, so a disposed store holds no handle on it.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }
        base.Dispose(disposing);
    }

    /// <summary>Runs <c>PRAGMA integrity_check</c> and <c>foreign_key_check</c>; returns "ok" or the problems found.</summary>
    public async Task<string> CheckIntegrityAsync(CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var problems = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                problems.Add(reader.GetString(0));
            }
        }
        command.CommandText = "PRAGMA foreign_key_check";
        await using (var reader = await command.ExecuteReaderAsync(cancel))
        {
            while (await reader.ReadAsync(cancel))
            {
                problems.Add($"foreign key broken in {reader.GetString(0)} row {reader.GetValue(1)}");
            }
        }
        return problems is ["ok"] ? "ok" : string.Join("; ", problems);
    }

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancel);
        await using var pragma = connection.CreateCommand();
        // Per connection: FULL syncs the WAL on every commit, so an acknowledged write is on disk.
        pragma.CommandText = "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON";
        await pragma.ExecuteNonQueryAsync(cancel);
        return connection;
    }

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenForMigrationAsync(CancellationToken cancel)
    {
        var connection = await OpenAsync(cancel);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode = WAL";
        await pragma.ExecuteNonQueryAsync(cancel);
        return connection;
    }

    /// <inheritdoc/>
    protected override Task<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancel) =>
        Task.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: !write));

    /// <inheritdoc/>
    private protected override Task SetScopeAsync(StoreTransaction tx, AccessScope scope) => Task.CompletedTask;

    /// <inheritdoc/>
    private protected override Task LockAsync(StoreTransaction tx, string name) => Task.CompletedTask;

    /// <inheritdoc/>
    protected override string MigrationSql(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        return migration.Sql + "\n" + migration.SqliteOnly;
    }
}
