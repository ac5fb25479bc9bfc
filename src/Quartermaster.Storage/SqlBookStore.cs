using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Quartermaster.Books;
using Quartermaster.Core;

namespace Quartermaster.Storage;

/// <summary>
/// The SQL shared by <see cref="SqliteBookStore"/> and <see cref="PostgresBookStore"/>: plain ADO.NET,
/// one transaction per call. Tenant-scoped queries carry the application's tenant filter
/// (<c>@tenant IS NULL OR tenant_id = @tenant</c>) unless <see cref="StoreOptions.ApplyTenantFilter"/> is off.
/// </summary>
public abstract class SqlBookStore : IBookStore
{
    private static readonly JsonSerializerOptions BodyJson = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Creates a store with <paramref name="options"/>.</summary>
    protected SqlBookStore(StoreOptions options) => Options = options ?? throw new ArgumentNullException(nameof(options));

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
            var tx = new StoreTransaction(connection, transaction, cancel);
            // Checked inside the transaction so two servers starting together apply each migration once.
            await LockAsync(tx, "migrations");
            if (await tx.ScalarAsync("SELECT version FROM schema_migrations WHERE version = @v", ("@v", migration.Version)) is not null)
            {
                continue;
            }
            await tx.ExecuteAsync(MigrationSql(migration));
            await tx.ExecuteAsync("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @a)",
                ("@v", migration.Version), ("@n", migration.Name), ("@a", Now()));
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
            return Convert.ToInt32(await command.ExecuteScalarAsync(cancel), CultureInfo.InvariantCulture);
        }
        catch (DbException)
        {
            return 0;
        }
    }

    /// <inheritdoc/>
    public Task<BookVersion?> SaveBookAsync(AccessScope scope, Book book, string? yaml = null, int? basedOnVersion = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(book);
        RequireAdmin(scope);
        var text = yaml ?? BookWriter.Write(book);
        return InTransactionAsync<BookVersion?>(scope, write: true, cancel, async tx =>
        {
            await LockAsync(tx, "book:" + book.Id);
            var version = Convert.ToInt32(await tx.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM book_versions WHERE book_id = @b", ("@b", book.Id)), CultureInfo.InvariantCulture) + 1;
            if (basedOnVersion is { } basis && basis != version - 1)
            {
                return null;
            }
            var at = DateTimeOffset.UtcNow;
            await tx.ExecuteAsync("INSERT INTO book_versions (book_id, version, provider, created_at, created_by) VALUES (@b, @v, @p, @a, @by)",
                ("@b", book.Id), ("@v", version), ("@p", book.Provider), ("@a", Format(at)), ("@by", scope.Actor));
            await tx.ExecuteAsync("INSERT INTO book_texts (book_id, version, yaml) VALUES (@b, @v, @y)", ("@b", book.Id), ("@v", version), ("@y", text));
            foreach (var tenant in book.Tenants)
            {
                await tx.ExecuteAsync("INSERT INTO tenants (book_id, version, tenant_id, name, rivalry_group) VALUES (@b, @v, @t, @n, @g)",
                    ("@b", book.Id), ("@v", version), ("@t", tenant.Id), ("@n", tenant.Name), ("@g", tenant.RivalryGroup));
            }
            foreach (var contract in book.Contracts)
            {
                await tx.ExecuteAsync("INSERT INTO contracts (book_id, version, tenant_id, contract_id, body) VALUES (@b, @v, @t, @c, @j)",
                    ("@b", book.Id), ("@v", version), ("@t", contract.Tenant), ("@c", contract.Id),
                    ("@j", JsonSerializer.Serialize(ContractView.Of(contract), BodyJson)));
            }
            await AppendAuditAsync(tx, scope, "book.save", $"books/{book.Id}/versions/{version}", null);
            return new BookVersion(book.Id, version, book.Provider, Parse(Format(at)), scope.Actor);
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<BookVersion>> ListBooksAsync(AccessScope scope, CancellationToken cancel = default) =>
        InTransactionAsync<IReadOnlyList<BookVersion>>(scope, write: false, cancel, async tx => await tx.QueryAsync(
            """
            SELECT v.book_id, v.version, v.provider, v.created_at, v.created_by FROM book_versions v
            WHERE v.version = (SELECT MAX(version) FROM book_versions w WHERE w.book_id = v.book_id)
            ORDER BY v.book_id
            """, ReadBookVersion));

    /// <inheritdoc/>
    public Task<IReadOnlyList<BookVersion>> ListVersionsAsync(AccessScope scope, string bookId, CancellationToken cancel = default) =>
        InTransactionAsync<IReadOnlyList<BookVersion>>(scope, write: false, cancel, async tx => await tx.QueryAsync(
            "SELECT book_id, version, provider, created_at, created_by FROM book_versions WHERE book_id = @b ORDER BY version",
            ReadBookVersion, ("@b", bookId)));

    /// <inheritdoc/>
    public async Task<StoredBook?> GetBookAsync(AccessScope scope, string bookId, int? version = null, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsProvider && Options.ApplyTenantFilter)
        {
            return null;
        }
        var found = await InTransactionAsync(scope, write: false, cancel, async tx => (await tx.QueryAsync(
            """
            SELECT v.book_id, v.version, v.provider, v.created_at, v.created_by, t.yaml
            FROM book_versions v JOIN book_texts t ON t.book_id = v.book_id AND t.version = v.version
            WHERE v.book_id = @b AND v.version = COALESCE(CAST(@v AS INTEGER), (SELECT MAX(version) FROM book_versions WHERE book_id = @b))
            """, r => (Version: ReadBookVersion(r), Yaml: r.GetString(5)), ("@b", bookId), ("@v", version))).FirstOrDefault());
        if (found.Yaml is null)
        {
            return null;
        }
        var read = BookReader.ReadText(found.Yaml, $"books/{bookId}/versions/{found.Version.Version}");
        return read.Book is null ? throw new InvalidDataException($"stored book {bookId} version {found.Version.Version} no longer reads: {read.Errors[0]}")
            : new StoredBook(found.Version, found.Yaml, read.Book);
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<TenantView>> ListTenantsAsync(AccessScope scope, string bookId, int version, CancellationToken cancel = default) =>
        TenantReadAsync<IReadOnlyList<TenantView>>(scope, "tenants.read", $"books/{bookId}/tenants", null, cancel, async tx => await tx.QueryAsync(
            "SELECT tenant_id, name, rivalry_group FROM tenants WHERE book_id = @b AND version = @v AND (@tenant IS NULL OR tenant_id = @tenant) ORDER BY tenant_id",
            ReadTenant, ("@b", bookId), ("@v", version), ("@tenant", Filter(scope))));

    /// <inheritdoc/>
    public async Task<TenantView?> GetTenantAsync(AccessScope scope, string bookId, int version, string tenantId, CancellationToken cancel = default) =>
        (await TenantReadAsync(scope, "tenant.read", $"books/{bookId}/tenants/{tenantId}", tenantId, cancel, tx => tx.QueryAsync(
            "SELECT tenant_id, name, rivalry_group FROM tenants WHERE book_id = @b AND version = @v AND tenant_id = @id AND (@tenant IS NULL OR tenant_id = @tenant)",
            ReadTenant, ("@b", bookId), ("@v", version), ("@id", tenantId), ("@tenant", Filter(scope))))).FirstOrDefault();

    /// <inheritdoc/>
    public Task<IReadOnlyList<ContractView>> ListContractsAsync(AccessScope scope, string bookId, int version, string? tenantId = null, CancellationToken cancel = default) =>
        TenantReadAsync<IReadOnlyList<ContractView>>(scope, "contracts.read", $"books/{bookId}/contracts", tenantId, cancel, async tx => await tx.QueryAsync(
            """
            SELECT body FROM contracts WHERE book_id = @b AND version = @v AND (@id IS NULL OR tenant_id = @id)
            AND (@tenant IS NULL OR tenant_id = @tenant) ORDER BY contract_id
            """, ReadContract, ("@b", bookId), ("@v", version), ("@id", tenantId), ("@tenant", Filter(scope))));

    /// <inheritdoc/>
    public async Task<ContractView?> GetContractAsync(AccessScope scope, string bookId, int version, string contractId, CancellationToken cancel = default) =>
        (await TenantReadAsync(scope, "contract.read", $"books/{bookId}/contracts/{contractId}", null, cancel, tx => tx.QueryAsync(
            "SELECT body FROM contracts WHERE book_id = @b AND version = @v AND contract_id = @c AND (@tenant IS NULL OR tenant_id = @tenant)",
            ReadContract, ("@b", bookId), ("@v", version), ("@c", contractId), ("@tenant", Filter(scope))))).FirstOrDefault();

    /// <inheritdoc/>
    public Task<PlanSummary> SavePlanAsync(AccessScope scope, string bookId, int version, string policy, string planner,
        IReadOnlyList<ContractFill> fills, IReadOnlyList<Allocation> allocations, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(allocations);
        RequireAdmin(scope);
        return InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            var plan = new PlanSummary(NewId("plan"), bookId, version, policy, planner, Parse(Format(DateTimeOffset.UtcNow)));
            await tx.ExecuteAsync("INSERT INTO plans (plan_id, book_id, version, policy, planner, created_at) VALUES (@id, @b, @v, @p, @pl, @a)",
                ("@id", plan.PlanId), ("@b", bookId), ("@v", version), ("@p", policy), ("@pl", planner), ("@a", Format(plan.CreatedAt)));
            await using (var insert = tx.Command(
                "INSERT INTO fills (plan_id, book_id, version, tenant_id, contract_id, month, committed_mw, allocated_mw) VALUES (@id, @b, @v, @t, @c, @m, @cm, @am)",
                ("@id", plan.PlanId), ("@b", bookId), ("@v", version), ("@t", ""), ("@c", ""), ("@m", ""), ("@cm", 0.0), ("@am", 0.0)))
            {
                foreach (var f in fills)
                {
                    insert.Parameters["@t"].Value = f.TenantId;
                    insert.Parameters["@c"].Value = f.ContractId;
                    insert.Parameters["@m"].Value = f.Month.ToString();
                    insert.Parameters["@cm"].Value = f.CommittedMw;
                    insert.Parameters["@am"].Value = f.AllocatedMw;
                    await insert.ExecuteNonQueryAsync(cancel);
                }
            }
            await using (var insert = tx.Command(
                "INSERT INTO allocations (plan_id, book_id, version, tenant_id, month, contract_id, site_id, chip, mw) VALUES (@id, @b, @v, @t, @m, @c, @s, @ch, @mw)",
                ("@id", plan.PlanId), ("@b", bookId), ("@v", version), ("@t", ""), ("@m", ""), ("@c", ""), ("@s", ""), ("@ch", ""), ("@mw", 0.0)))
            {
                foreach (var a in allocations)
                {
                    insert.Parameters["@t"].Value = a.TenantId;
                    insert.Parameters["@m"].Value = a.Month.ToString();
                    insert.Parameters["@c"].Value = a.ContractId;
                    insert.Parameters["@s"].Value = a.SiteId;
                    insert.Parameters["@ch"].Value = a.Chip;
                    insert.Parameters["@mw"].Value = a.Mw;
                    await insert.ExecuteNonQueryAsync(cancel);
                }
            }
            await AppendAuditAsync(tx, scope, "plan.save", $"books/{bookId}/plans/{plan.PlanId}", null);
            return plan;
        });
    }

    /// <inheritdoc/>
    public async Task<PlanSummary?> GetPlanAsync(AccessScope scope, string bookId, string planId, CancellationToken cancel = default) =>
        (await InTransactionAsync(scope, write: false, cancel, tx => tx.QueryAsync(
            "SELECT plan_id, book_id, version, policy, planner, created_at FROM plans WHERE plan_id = @id AND book_id = @b",
            ReadPlan, ("@id", planId), ("@b", bookId)))).FirstOrDefault();

    /// <inheritdoc/>
    public async Task<PlanSummary?> LatestPlanAsync(AccessScope scope, string bookId, CancellationToken cancel = default) =>
        (await InTransactionAsync(scope, write: false, cancel, tx => tx.QueryAsync(
            "SELECT plan_id, book_id, version, policy, planner, created_at FROM plans WHERE book_id = @b ORDER BY created_at DESC, plan_id DESC LIMIT 1",
            ReadPlan, ("@b", bookId)))).FirstOrDefault();

    /// <inheritdoc/>
    public Task<IReadOnlyList<ContractFill>> ListFillsAsync(AccessScope scope, string planId, string? tenantId, CancellationToken cancel = default) =>
        TenantReadAsync<IReadOnlyList<ContractFill>>(scope, "sla.read", $"plans/{planId}/fills", tenantId, cancel, async tx => await tx.QueryAsync(
            """
            SELECT month, contract_id, tenant_id, committed_mw, allocated_mw FROM fills
            WHERE plan_id = @p AND (@id IS NULL OR tenant_id = @id) AND (@tenant IS NULL OR tenant_id = @tenant)
            ORDER BY month, contract_id
            """, r => new ContractFill(Month.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4)),
            ("@p", planId), ("@id", tenantId), ("@tenant", Filter(scope))));

    /// <inheritdoc/>
    public Task<IReadOnlyList<Allocation>> ListAllocationsAsync(AccessScope scope, string planId, string? tenantId, Month? month = null, CancellationToken cancel = default) =>
        TenantReadAsync<IReadOnlyList<Allocation>>(scope, "allocations.read", $"plans/{planId}/allocations", tenantId, cancel, async tx => await tx.QueryAsync(
            """
            SELECT month, contract_id, tenant_id, site_id, chip, mw FROM allocations
            WHERE plan_id = @p AND (@id IS NULL OR tenant_id = @id) AND (@m IS NULL OR month = @m)
            AND (@tenant IS NULL OR tenant_id = @tenant)
            ORDER BY month, contract_id, site_id, chip
            """, r => new Allocation(Month.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5)),
            ("@p", planId), ("@id", tenantId), ("@m", month?.ToString()), ("@tenant", Filter(scope))));

    /// <inheritdoc/>
    public Task<StressRunRecord> CreateStressRunAsync(AccessScope scope, string bookId, int version, CancellationToken cancel = default)
    {
        RequireAdmin(scope);
        return InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            var run = new StressRunRecord(NewId("run"), bookId, version, StressRunStatus.Queued, 0, null, null, Parse(Format(DateTimeOffset.UtcNow)));
            await tx.ExecuteAsync("INSERT INTO stress_runs (run_id, book_id, version, status, progress, created_at) VALUES (@id, @b, @v, @s, 0, @a)",
                ("@id", run.RunId), ("@b", bookId), ("@v", version), ("@s", run.Status.ToString()), ("@a", Format(run.CreatedAt)));
            await AppendAuditAsync(tx, scope, "stress.start", $"books/{bookId}/stress-runs/{run.RunId}", null);
            return run;
        });
    }

    /// <inheritdoc/>
    public Task UpdateStressRunAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        RequireAdmin(scope);
        return InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            await tx.ExecuteAsync("UPDATE stress_runs SET status = @s, progress = @p, result = @r, error = @e WHERE run_id = @id",
                ("@s", run.Status.ToString()), ("@p", run.Progress), ("@r", run.ResultJson), ("@e", run.Error), ("@id", run.RunId));
            if (run.Status is StressRunStatus.Succeeded or StressRunStatus.Failed or StressRunStatus.Cancelled)
            {
                await AppendAuditAsync(tx, scope, "stress." + run.Status.ToString().ToLowerInvariant(), $"books/{run.BookId}/stress-runs/{run.RunId}", null);
            }
            return 0;
        });
    }

    /// <inheritdoc/>
    public async Task<StressRunRecord?> GetStressRunAsync(AccessScope scope, string runId, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsProvider && Options.ApplyTenantFilter)
        {
            return null;
        }
        return (await InTransactionAsync(scope, write: false, cancel, tx => tx.QueryAsync(
            "SELECT run_id, book_id, version, status, progress, result, error, created_at FROM stress_runs WHERE run_id = @id",
            r => new StressRunRecord(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture),
                Enum.Parse<StressRunStatus>(r.GetString(3)), r.GetDouble(4), r.IsDBNull(5) ? null : r.GetString(5),
                r.IsDBNull(6) ? null : r.GetString(6), Parse(r.GetString(7))),
            ("@id", runId)))).FirstOrDefault();
    }

    /// <inheritdoc/>
    public Task<CreatedApiKey> CreateKeyAsync(AccessScope scope, Role role, string? tenantId, CancellationToken cancel = default)
    {
        RequireAdmin(scope);
        if ((role == Role.Tenant) != (tenantId is not null))
        {
            throw new ArgumentException("a tenant key needs a tenant id, and only a tenant key has one", nameof(tenantId));
        }
        return InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            var (keyId, key) = ApiKeySecrets.NewKey();
            _ = ApiKeySecrets.TryParse(key, out _, out var secret);
            var salt = ApiKeySecrets.NewSalt();
            var record = new ApiKeyRecord(keyId, role, tenantId, Parse(Format(DateTimeOffset.UtcNow)), null);
            await tx.ExecuteAsync("INSERT INTO api_keys (key_id, role, tenant_id, salt, hash, created_at) VALUES (@id, @r, @t, @s, @h, @a)",
                ("@id", keyId), ("@r", role.ToName()), ("@t", tenantId), ("@s", Convert.ToHexStringLower(salt)),
                ("@h", Convert.ToHexStringLower(ApiKeySecrets.Hash(salt, secret))), ("@a", Format(record.CreatedAt)));
            await AppendAuditAsync(tx, scope, "key.create", "keys/" + keyId, tenantId);
            return new CreatedApiKey(record, key);
        });
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancel = default) =>
        InTransactionAsync<IReadOnlyList<ApiKeyRecord>>(AccessScope.System, write: false, cancel, async tx => await tx.QueryAsync(
            "SELECT key_id, role, tenant_id, created_at, revoked_at FROM api_keys ORDER BY created_at, key_id", ReadKey));

    /// <inheritdoc/>
    public Task<bool> RevokeKeyAsync(AccessScope scope, string keyId, CancellationToken cancel = default)
    {
        RequireAdmin(scope);
        return InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            var changed = await tx.ExecuteAsync("UPDATE api_keys SET revoked_at = @a WHERE key_id = @id AND revoked_at IS NULL",
                ("@a", Format(DateTimeOffset.UtcNow)), ("@id", keyId));
            if (changed > 0)
            {
                await AppendAuditAsync(tx, scope, "key.revoke", "keys/" + keyId, null);
            }
            return changed > 0;
        });
    }

    /// <inheritdoc/>
    public async Task<ApiKeyRecord?> AuthenticateAsync(string presentedKey, CancellationToken cancel = default)
    {
        if (!ApiKeySecrets.TryParse(presentedKey, out var keyId, out var secret))
        {
            return null;
        }
        var rows = await InTransactionAsync(AccessScope.System, write: false, cancel, tx => tx.QueryAsync(
            "SELECT key_id, role, tenant_id, created_at, revoked_at, salt, hash FROM api_keys WHERE key_id = @id",
            r => (Key: ReadKey(r), Salt: r.GetString(5), Hash: r.GetString(6)), ("@id", keyId)));
        if (rows.Count == 0)
        {
            return null;
        }
        var (key, salt, hash) = rows[0];
        var matches = ApiKeySecrets.Matches(Convert.FromHexString(salt), Convert.FromHexString(hash), secret);
        return matches && key.RevokedAt is null ? key : null;
    }

    /// <inheritdoc/>
    public Task AppendAuditAsync(AccessScope scope, string action, string resource, string? tenantId, CancellationToken cancel = default) =>
        InTransactionAsync(scope, write: true, cancel, async tx =>
        {
            await AppendAuditAsync(tx, scope, action, resource, tenantId);
            return 0;
        });

    /// <inheritdoc/>
    public Task<IReadOnlyList<AuditEntry>> ReadAuditLogAsync(CancellationToken cancel = default) =>
        InTransactionAsync<IReadOnlyList<AuditEntry>>(AccessScope.System, write: false, cancel, async tx => await tx.QueryAsync(
            "SELECT seq, at, actor, role, action, resource, tenant_id, prev_hash, hash FROM audit_log ORDER BY seq", ReadAudit));

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

#pragma warning disable CA1068 // The work lambda reads best last, after the token it is given.
    /// <summary>Runs <paramref name="work"/> in one transaction with the scope set, committing when it returns.</summary>
    private async Task<T> InTransactionAsync<T>(AccessScope scope, bool write, CancellationToken cancel, Func<StoreTransaction, Task<T>> work)
    {
        await using var connection = await OpenAsync(cancel);
        await using var transaction = await BeginAsync(connection, write, cancel);
        var tx = new StoreTransaction(connection, transaction, cancel);
        await SetScopeAsync(tx, scope);
        var result = await work(tx);
        await transaction.CommitAsync(cancel);
        return result;
    }

    /// <summary>A read of tenant data: audited in the same transaction when a provider role reads it.</summary>
    private Task<T> TenantReadAsync<T>(AccessScope scope, string action, string resource, string? tenantId, CancellationToken cancel, Func<StoreTransaction, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return InTransactionAsync(scope, write: scope.IsProvider, cancel, async tx =>
        {
            var result = await work(tx);
            if (scope.IsProvider)
            {
                await AppendAuditAsync(tx, scope, action, resource, tenantId);
            }
            return result;
        });
    }

#pragma warning restore CA1068

    private async Task AppendAuditAsync(StoreTransaction tx, AccessScope scope, string action, string resource, string? tenantId)
    {
        await LockAsync(tx, "audit");
        var last = (await tx.QueryAsync("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            r => (Sequence: Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), Hash: r.GetString(1)))).FirstOrDefault();
        var entry = AuditEntry.Next(last.Sequence, last.Hash ?? AuditEntry.GenesisHash, DateTimeOffset.UtcNow, scope, action, resource, tenantId);
        await tx.ExecuteAsync(
            "INSERT INTO audit_log (seq, at, actor, role, action, resource, tenant_id, prev_hash, hash) VALUES (@s, @at, @ac, @r, @a, @res, @t, @p, @h)",
            ("@s", entry.Sequence), ("@at", entry.At), ("@ac", entry.Actor), ("@r", entry.Role), ("@a", entry.Action),
            ("@res", entry.Resource), ("@t", entry.TenantId), ("@p", entry.PreviousHash), ("@h", entry.Hash));
    }

    /// <summary>The tenant a query is filtered to: the caller's own for a tenant, none for provider roles or with the filter off.</summary>
    private string? Filter(AccessScope scope) => Options.ApplyTenantFilter ? scope.VisibleTenant : null;

    private static void RequireAdmin(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (scope.Role != Role.Admin)
        {
            throw new UnauthorizedAccessException($"{scope.Actor} ({scope.Role.ToName()}) may not write");
        }
    }

    private static string NewId(string prefix) => prefix + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));

    private static string Now() => Format(DateTimeOffset.UtcNow);

    private static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string at) => DateTimeOffset.Parse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private static BookVersion ReadBookVersion(DbDataReader r) =>
        new(r.GetString(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), Parse(r.GetString(3)), r.GetString(4));

    private static TenantView ReadTenant(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));

    private static ContractView ReadContract(DbDataReader r) =>
        JsonSerializer.Deserialize<ContractView>(r.GetString(0), BodyJson) ?? throw new InvalidDataException("a stored contract is null");

    private static PlanSummary ReadPlan(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), Convert.ToInt32(r.GetValue(2), CultureInfo.InvariantCulture), r.GetString(3), r.GetString(4), Parse(r.GetString(5)));

    private static ApiKeyRecord ReadKey(DbDataReader r) =>
        new(r.GetString(0), RoleNames.TryParse(r.GetString(1), out var role) ? role : throw new InvalidDataException("unknown role " + r.GetString(1)),
            r.IsDBNull(2) ? null : r.GetString(2), Parse(r.GetString(3)), r.IsDBNull(4) ? null : Parse(r.GetString(4)));

    private static AuditEntry ReadAudit(DbDataReader r) =>
        new(Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8));
}
