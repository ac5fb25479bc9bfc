namespace Quartermaster.Storage;

/// <summary>
/// The only way the aggregates reach the database: one transaction per call with the caller's scope set.
/// It is also the one place the rule "a provider-side read of tenant data is audited in the same transaction
/// as the read" lives: <c>ReadTenantDataAsync</c> appends the entry before it commits, so a read
/// whose entry cannot be written returns nothing.
/// </summary>
internal sealed class StoreTransactions(SqlBookStore database)
{
    /// <summary>Runs <paramref name="work"/> in one transaction with the scope set, committing when it returns.</summary>
    public async Task<T> RunAsync<T>(AccessScope scope, bool write, Func<StoreTransaction, Task<T>> work, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await using var connection = await database.OpenConnectionAsync(cancel);
        await using var transaction = await database.BeginTransactionAsync(connection, write, cancel);
        var tx = new StoreTransaction(connection, transaction, scope, database, cancel);
        await database.ApplyScopeAsync(tx);
        var result = await work(tx);
        await transaction.CommitAsync(cancel);
        return result;
    }

    /// <summary>A read that touches no tenant's data (versions, plan headers, keys, the audit log itself).</summary>
    public Task<T> ReadAsync<T>(AccessScope scope, Func<StoreTransaction, Task<T>> work, CancellationToken cancel) =>
        RunAsync(scope, write: false, work, cancel);

    /// <summary>A write; the aggregate appends its own audit entry through <c>AuditLog.AppendAsync(tx, ...)</c> before returning.</summary>
    public Task<T> WriteAsync<T>(AccessScope scope, Func<StoreTransaction, Task<T>> work, CancellationToken cancel)
    {
        RequireAdmin(scope);
        return RunAsync(scope, write: true, work, cancel);
    }

    /// <summary>
    /// A read of tenant data: when a provider role reads it, <paramref name="audit"/> is appended to the audit
    /// log in the same transaction, after the read and before the commit; a tenant reading its own rows is not audited.
    /// </summary>
    public Task<T> ReadTenantDataAsync<T>(AccessScope scope, AuditedRead audit, Func<StoreTransaction, Task<T>> work, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(audit);
        return ReadTenantDataAsync(scope, _ => audit, work, cancel);
    }

    /// <summary>
    /// A read of tenant data whose audit entry depends on what was read (the version a "latest" read resolved to);
    /// <paramref name="audit"/> returns null when nothing was handed out.
    /// </summary>
    public Task<T> ReadTenantDataAsync<T>(AccessScope scope, Func<T, AuditedRead?> audit, Func<StoreTransaction, Task<T>> work, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(audit);
        // In SQLite a provider read takes the write lock up front: it will append to the audit chain.
        return RunAsync(scope, write: scope.IsProvider, async tx =>
        {
            var result = await work(tx);
            if (scope.IsProvider && audit(result) is { } entry)
            {
                await AuditLog.AppendAsync(tx, entry.Action, entry.Resource, entry.TenantId);
            }
            return result;
        }, cancel);
    }

    /// <summary>Throws unless <paramref name="scope"/> is an admin, the only role that writes.</summary>
    public static void RequireAdmin(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Role != Role.Admin)
        {
            throw new UnauthorizedAccessException($"{scope.Actor} ({scope.Role.ToName()}) may not write");
        }
    }
}

/// <summary>The audit entry a provider-side read of tenant data leaves.</summary>
/// <param name="Action">What was read, such as <c>contracts.read</c>.</param>
/// <param name="Resource">Which resource, such as <c>books/b/contracts</c>.</param>
/// <param name="TenantId">The tenant whose data was read, when one.</param>
internal sealed record AuditedRead(string Action, string Resource, string? TenantId = null);
