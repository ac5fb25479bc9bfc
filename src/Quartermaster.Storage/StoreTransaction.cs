using System.Data;
using System.Data.Common;

namespace Quartermaster.Storage;

/// <summary>
/// An open connection and transaction with the caller's scope set, and small helpers for parameterised SQL;
/// one per store call. Made only by <see cref="StoreTransactions"/>.
/// </summary>
internal sealed class StoreTransaction(DbConnection connection, DbTransaction transaction, AccessScope scope,
    SqlBookStore database, CancellationToken cancel)
{
    public DbConnection Connection { get; } = connection;

    public DbTransaction Transaction { get; } = transaction;

    /// <summary>Who is asking; set in the database (PostgreSQL) before any statement of the transaction ran.</summary>
    public AccessScope Scope { get; } = scope;

    public CancellationToken Cancel { get; } = cancel;

    /// <summary>Serialises writers of one named thing (a book's versions, the audit chain) until commit.</summary>
    public Task LockAsync(string name) => database.TakeLockAsync(this, name);

    /// <summary>Inserts every row of <paramref name="rows"/>, in as few round trips as the database allows.</summary>
    public Task InsertAsync(RowBatch rows) => database.InsertRowsAsync(this, rows);

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = Connection.CreateCommand();
        command.Transaction = Transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            // Typed even when null, so PostgreSQL can infer "@tenant IS NULL" comparisons.
            p.DbType = value switch
            {
                int => DbType.Int32,
                long => DbType.Int64,
                double => DbType.Double,
                byte[] => DbType.Binary,
                _ => DbType.String,
            };
            p.Value = value ?? DBNull.Value;
            command.Parameters.Add(p);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return await command.ExecuteNonQueryAsync(Cancel);
    }

    public async Task<object?> ScalarAsync(string sql, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        var value = await command.ExecuteScalarAsync(Cancel);
        return value is DBNull ? null : value;
    }

    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var rows = new List<T>();
        while (await reader.ReadAsync(Cancel))
        {
            rows.Add(read(reader));
        }
        return rows;
    }
}
