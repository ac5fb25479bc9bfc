using System.Data.Common;
using Quartermaster.Core;

namespace Quartermaster.Storage;

/// <summary>
/// The store shared by <see cref="SqliteBookStore"/> and <see cref="PostgresBookStore"/>: plain ADO.NET, one
/// transaction per call, the SQL split by aggregate (<see cref="BookVersions"/>, <see cref="Plans"/>,
/// <see cref="StressRuns"/>, <see cref="ApiKeys"/>, <see cref="AuditLog"/>). Tenant-scoped queries carry the
/// application's tenant filter (<c>@tenant IS NULL OR tenant_id = @tenant</c>) unless
/// <see cref="StoreOptions.ApplyTenantFilter"/> is off; provider reads of tenant data are audited in the
/// transaction of the read (<see cref="StoreTransactions"/>).
/// </summary>
public abstract class SqlBookStore : IBookStore
{
    private readonly BookVersions _books;
    private readonly Plans _plans;
    private readonly StressRuns _stressRuns;
    private readonly ApiKeys _keys;
    private readonly AuditLog _audit;

    /// <summary>Creates a store with <paramref name="options"/>.</summary>
    protected SqlBookStore(StoreOptions options)
    {
        Options = options ?? throw new ArgumentNullException(nameof(options));
        var transactions = new StoreTransactions(this);
        _books = new BookVersions(transactions, options);
        _plans = new Plans(transactions, options);
        _stressRuns = new StressRuns(transactions, options);
        _keys = new ApiKeys(transactions);
        _audit = new AuditLog(transactions);
    }

    /// <summary>The options the store was opened with.</summary>
    public StoreOptions Options { get; }

    /// <summary>Opens a connection for serving requests.</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancel);

    /// <summary>Opens a connection for schema migrations (the owner role in PostgreSQL).</summary>
    protected abstract Task<DbConnection> OpenForMigrationAsync(CancellationToken cancel);

    /// <summary>Begins a transaction; <paramref name="write"/> transactions take the write lock up front in SQLite.</summary>
    protected abstract Task<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancel);

    /// <summary>Tells the database who is asking, for row-level security; nothing to do in SQLite.</summary>
    private protected abstract Task SetScopeAsync(StoreTransaction tx, AccessScope scope);

    /// <summary>Serialises writers of one named thing (a book's versions, the audit chain) until commit.</summary>
    private protected abstract Task LockAsync(StoreTransaction tx, string name);

    /// <summary>The SQL to run for <paramref name="migration"/> in this database.</summary>
    protected abstract string MigrationSql(Migration migration);

    internal Task<DbConnection> OpenConnectionAsync(CancellationToken cancel) => OpenAsync(cancel);

    internal Task<DbTransaction> BeginTransactionAsync(DbConnection connection, bool write, CancellationToken cancel) => BeginAsync(connection, write, cancel);

    internal Task ApplyScopeAsync(StoreTransaction tx) => SetScopeAsync(tx, tx.Scope);

    internal Task TakeLockAsync(StoreTransaction tx, string name) => LockAsync(tx, name);

    internal Task InsertRowsAsync(StoreTransaction tx, RowBatch rows) => InsertAsync(tx, rows);

    /// <summary>
    /// Inserts <paramref name="rows"/>: by default one prepared command rebound per row, which costs SQLite no round
    /// trip (it runs in the process). PostgreSQL overrides it to send every row in one statement.
    /// </summary>
    private protected virtual async Task InsertAsync(StoreTransaction tx, RowBatch rows)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }
        var columns = rows.Shared.Select(c => c.Column).Concat(rows.Varying.Select(c => c.Column)).ToList();
        var parameters = rows.Shared.Select(c => (object?)c.Value).Concat(rows.Varying.Select(c => c.Values.GetValue(0)))
            .Select((value, i) => ("@c" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), value)).ToArray();
        await using var insert = tx.Command(
            $"INSERT INTO {rows.Table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", parameters.Select(p => p.Item1))})", parameters);
        for (var row = 0; row < rows.Count; row++)
        {
            for (var k = 0; k < rows.Varying.Count; k++)
            {
                insert.Parameters[rows.Shared.Count + k].Value = rows.Varying[k].Values.GetValue(row) ?? DBNull.Value;
            }
            await insert.ExecuteNonQueryAsync(tx.Cancel);
        }
    }

    /// <inheritdoc/>
    public async Task MigrateAsync(int? toVersion = null, CancellationToken cancel = default)
    {
        var target = toVersion ?? Migration.Latest;
        await using var connection = await OpenForMigrationAsync(cancel);
        await using (var setup = connection.CreateCommand())
        {
            setup.CommandText = "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";
            await setup.ExecuteNonQueryAsync(cancel);
        }
        foreach (var migration in Migration.All.Where(m => m.Version <= target))
        {
            await using var transaction = await BeginAsync(connection, write: true, cancel);
            var tx = new StoreTransaction(connection, transaction, AccessScope.System, this, cancel);
            // Checked inside the transaction so two servers starting together apply each migration once.
            await LockAsync(tx, "migrations");
            if (await tx.ScalarAsync("SELECT version FROM schema_migrations WHERE version = @v", ("@v", migration.Version)) is not null)
            {
                continue;
            }
            await tx.ExecuteAsync(MigrationSql(migration));
            await tx.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)",
                ("@v", migration.Version), ("@n", migration.Name), ("@a", StoreClock.Now()));
            await transaction.CommitAsync(cancel);
        }
    }

    /// <inheritdoc/>
    public async Task<int> SchemaVersionAsync(CancellationToken cancel = default)
    {
        await using var connection = await OpenForMigrationAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
        try
        {
            return StoreClock.ToInt(await command.ExecuteScalarAsync(cancel));
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <inheritdoc/>
    public async Task PingAsync(CancellationToken cancel = default)
    {
        await using var connection = await OpenAsync(cancel);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1";
        await command.ExecuteScalarAsync(cancel);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> ReadinessProblemsAsync(CancellationToken cancel = default)
    {
        var problems = new List<string>();
        await using (var connection = await OpenAsync(cancel))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
            var version = StoreClock.ToInt(await command.ExecuteScalarAsync(cancel));
            if (version != Migration.Latest)
            {
                problems.Add($"the database schema is at version {version}; this server needs version {Migration.Latest}");
            }
        }
        problems.AddRange(await ServiceProblemsAsync(cancel));
        return problems;
    }

    /// <summary>What is wrong with the service connection's rights, for <see cref="ReadinessProblemsAsync"/>; none in SQLite.</summary>
    protected virtual Task<IReadOnlyList<string>> ServiceProblemsAsync(CancellationToken cancel) => Task.FromResult<IReadOnlyList<string>>([]);

    /// <inheritdoc/>
    public Task<BookVersion?> SaveBookAsync(AccessScope scope, Book book, string? yaml = null, int? basedOnVersion = null, CancellationToken cancel = default) =>
        _books.SaveAsync(scope, book, yaml, basedOnVersion, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<BookVersion>> ListBooksAsync(AccessScope scope, CancellationToken cancel = default) => _books.ListLatestAsync(scope, cancel);

    /// <inheritdoc/>
    public Task<int?> LatestVersionAsync(AccessScope scope, string bookId, CancellationToken cancel = default) =>
        _books.LatestVersionAsync(scope, bookId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<BookVersion>> ListVersionsAsync(AccessScope scope, string bookId, CancellationToken cancel = default) =>
        _books.ListVersionsAsync(scope, bookId, cancel);

    /// <inheritdoc/>
    public Task<StoredBook?> GetBookAsync(AccessScope scope, string bookId, int? version = null, BookReadPurpose purpose = BookReadPurpose.Read, CancellationToken cancel = default) =>
        _books.GetAsync(scope, bookId, version, purpose, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<TenantView>> ListTenantsAsync(AccessScope scope, string bookId, int version, CancellationToken cancel = default) =>
        _books.ListTenantsAsync(scope, bookId, version, cancel);

    /// <inheritdoc/>
    public Task<TenantView?> GetTenantAsync(AccessScope scope, string bookId, int version, string tenantId, CancellationToken cancel = default) =>
        _books.GetTenantAsync(scope, bookId, version, tenantId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ContractView>> ListContractsAsync(AccessScope scope, string bookId, int version, string? tenantId = null, CancellationToken cancel = default) =>
        _books.ListContractsAsync(scope, bookId, version, tenantId, cancel);

    /// <inheritdoc/>
    public Task<ContractView?> GetContractAsync(AccessScope scope, string bookId, int version, string contractId, CancellationToken cancel = default) =>
        _books.GetContractAsync(scope, bookId, version, contractId, cancel);

    /// <inheritdoc/>
    public Task<PlanSummary> SavePlanAsync(AccessScope scope, string bookId, int version, string policy, string planner,
        IReadOnlyList<ContractFill> fills, IReadOnlyList<Allocation> allocations, CancellationToken cancel = default) =>
        _plans.SaveAsync(scope, bookId, version, policy, planner, fills, allocations, cancel);

    /// <inheritdoc/>
    public Task<PlanSummary?> GetPlanAsync(AccessScope scope, string bookId, string planId, CancellationToken cancel = default) =>
        _plans.GetAsync(scope, bookId, planId, cancel);

    /// <inheritdoc/>
    public Task<PlanSummary?> LatestPlanAsync(AccessScope scope, string bookId, CancellationToken cancel = default) => _plans.LatestAsync(scope, bookId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ContractFill>> ListFillsAsync(AccessScope scope, string planId, string? tenantId, CancellationToken cancel = default) =>
        _plans.ListFillsAsync(scope, planId, tenantId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<Allocation>> ListAllocationsAsync(AccessScope scope, string planId, string? tenantId, Month? month = null, CancellationToken cancel = default) =>
        _plans.ListAllocationsAsync(scope, planId, tenantId, month, cancel);

    /// <inheritdoc/>
    public Task<StressRunRecord> CreateStressRunAsync(AccessScope scope, string bookId, int version, StressRunLease? lease = null, CancellationToken cancel = default) =>
        _stressRuns.CreateAsync(scope, bookId, version, lease, cancel);

    /// <inheritdoc/>
    public Task UpdateStressRunAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel = default) => _stressRuns.UpdateAsync(scope, run, cancel);

    /// <inheritdoc/>
    public Task<StressRunRecord?> GetStressRunAsync(AccessScope scope, string runId, CancellationToken cancel = default) => _stressRuns.GetAsync(scope, runId, cancel);

    /// <inheritdoc/>
    public Task<CreatedApiKey> CreateKeyAsync(AccessScope scope, Role role, string? tenantId, CancellationToken cancel = default) =>
        _keys.CreateAsync(scope, role, tenantId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancel = default) => _keys.ListAsync(cancel);

    /// <inheritdoc/>
    public Task<bool> RevokeKeyAsync(AccessScope scope, string keyId, CancellationToken cancel = default) => _keys.RevokeAsync(scope, keyId, cancel);

    /// <inheritdoc/>
    public Task<ApiKeyRecord?> AuthenticateAsync(string presentedKey, CancellationToken cancel = default) => _keys.AuthenticateAsync(presentedKey, cancel);

    /// <inheritdoc/>
    public Task RecordStressRunCancelAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel = default) =>
        _stressRuns.RecordCancelAsync(scope, run, cancel);

    /// <inheritdoc/>
    public Task<bool> ClaimStressRunAsync(AccessScope scope, string runId, string coordinator, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancel = default) =>
        _stressRuns.ClaimAsync(scope, runId, coordinator, now, leaseUntil, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StressRunRecord>> ListOrphanedStressRunsAsync(AccessScope scope, DateTimeOffset now, CancellationToken cancel = default) =>
        _stressRuns.ListOrphanedAsync(scope, now, cancel);

    /// <inheritdoc/>
    public Task<bool> StressRunCancelRequestedAsync(AccessScope scope, string runId, CancellationToken cancel = default) =>
        _stressRuns.CancelRequestedAsync(scope, runId, cancel);

    /// <inheritdoc/>
    public Task SaveStressChunkAsync(AccessScope scope, StoredStressChunk chunk, CancellationToken cancel = default) =>
        _stressRuns.SaveChunkAsync(scope, chunk, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<StoredStressChunk>> ListStressChunksAsync(AccessScope scope, string runId, CancellationToken cancel = default) =>
        _stressRuns.ListChunksAsync(scope, runId, cancel);

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditLogAsync(CancellationToken cancel = default) => _audit.ReadAsync(cancel);

    /// <summary>Releases pooled connections.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases pooled connections when <paramref name="disposing"/>.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
