using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Quartermaster.Storage;

/// <summary>
/// The store in PostgreSQL, with row-level security on every tenant table as a second wall behind the
/// application's filter. Migrations run as the owner role; requests run as a service role that owns
/// nothing, cannot bypass RLS, and gets the caller's tenant and role per transaction through
/// <c>set_config('qm.tenant', ..., true)</c> and <c>set_config('qm.role', ..., true)</c>.
/// </summary>
public sealed partial class PostgresBookStore : SqlBookStore
{
    private readonly NpgsqlDataSource _service;
    private readonly NpgsqlDataSource _owner;
    private readonly string? _serviceRole;

    /// <summary>
    /// Opens a store serving requests through <paramref name="serviceConnectionString"/> and migrating through
    /// <paramref name="ownerConnectionString"/> (the same when null; then the service role owns the tables,
    /// which FORCE ROW LEVEL SECURITY still binds, but a separate role is the intended setup).
    /// </summary>
    public PostgresBookStore(string serviceConnectionString, string? ownerConnectionString = null, StoreOptions? options = null)
        : base(options ?? StoreOptions.Default)
    {
        _service = NpgsqlDataSource.Create(serviceConnectionString);
        _owner = ownerConnectionString is null ? _service : NpgsqlDataSource.Create(ownerConnectionString);
        var service = new NpgsqlConnectionStringBuilder(serviceConnectionString);
        Endpoint = $"{service.Host}:{service.Port}/{service.Database} as {service.Username}";
        var serviceUser = service.Username;
        var ownerUser = ownerConnectionString is null ? serviceUser : new NpgsqlConnectionStringBuilder(ownerConnectionString).Username;
        if (serviceUser is not null && serviceUser != ownerUser)
        {
            _serviceRole = RoleName().IsMatch(serviceUser) ? serviceUser
                : throw new ArgumentException($"service role '{serviceUser}' must be a plain lower-case identifier", nameof(serviceConnectionString));
        }
    }

    /// <summary>Where requests go, as <c>host:port/database as user</c>: safe to log, it holds no password.</summary>
    public string Endpoint { get; }

    /// <summary>
    /// What is wrong with the service role for RLS to hold: superuser, BYPASSRLS, or owning tables.
    /// Empty when the role is as intended.
    /// </summary>
    public async Task<IReadOnlyList<string>> ServiceRoleProblemsAsync(CancellationToken cancel = default)
    {
        await using var connection = await _service.OpenConnectionAsync(cancel);
        await using var command = new NpgsqlCommand("""
            SELECT r.rolsuper, r.rolbypassrls, (SELECT count(*) FROM pg_tables t WHERE t.tableowner = current_user AND t.schemaname = 'public')
            FROM pg_roles r WHERE r.rolname = current_user
            """, connection);
        await using var reader = await command.ExecuteReaderAsync(cancel);
        await reader.ReadAsync(cancel);
        var problems = new List<string>();
        if (reader.GetBoolean(0))
        {
            problems.Add("the service role is a superuser, which bypasses row-level security");
        }
        if (reader.GetBoolean(1))
        {
            problems.Add("the service role has BYPASSRLS");
        }
        if (reader.GetInt64(2) > 0)
        {
            problems.Add("the service role owns tables; give migrations a separate owner role (--db-owner)");
        }
        return problems;
    }

    /// <inheritdoc/>
    protected override Task<IReadOnlyList<string>> ServiceProblemsAsync(CancellationToken cancel) => ServiceRoleProblemsAsync(cancel);

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancel) => await _service.OpenConnectionAsync(cancel);

    /// <inheritdoc/>
    protected override async Task<DbConnection> OpenForMigrationAsync(CancellationToken cancel) => await _owner.OpenConnectionAsync(cancel);

    /// <inheritdoc/>
    protected override async Task<DbTransaction> BeginAsync(DbConnection connection, bool write, CancellationToken cancel) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(cancel);

    /// <inheritdoc/>
    private protected override async Task SetScopeAsync(StoreTransaction tx, AccessScope scope)
    {
        // Transaction-local (is_local = true): a pooled connection never carries one caller's tenant into the next.
        await tx.ExecuteAsync("SELECT set_config('qm.tenant', @t, true), set_config('qm.role', @r, true)",
            ("@t", scope.TenantId ?? ""), ("@r", scope.Role.ToName()));
    }

    /// <summary>
    /// Every row in one statement: each varying column goes as one array parameter and <c>unnest</c> turns the arrays
    /// back into rows, so a plan of thousands of rows costs one round trip per table, not one per row. (Binary COPY
    /// would be faster still, but PostgreSQL refuses COPY FROM into tables under row-level security.)
    /// </summary>
    private protected override async Task InsertAsync(StoreTransaction tx, RowBatch rows)
    {
        ArgumentNullException.ThrowIfNull(tx);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return;
        }
        var columns = rows.Shared.Select(c => c.Column).Concat(rows.Varying.Select(c => c.Column));
        var shared = rows.Shared.Select((_, i) => "@s" + i.ToString(CultureInfo.InvariantCulture));
        var varying = rows.Varying.Select((_, i) => "@v" + i.ToString(CultureInfo.InvariantCulture));
        await using var command = tx.Command(
            $"INSERT INTO {rows.Table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", shared.Append("u.*"))} FROM unnest({string.Join(", ", varying)}) AS u",
            [.. rows.Shared.Select((c, i) => ("@s" + i.ToString(CultureInfo.InvariantCulture), (object?)c.Value))]);
        for (var i = 0; i < rows.Varying.Count; i++)
        {
            // Npgsql sends string[] as text[] and double[] as double precision[].
            command.Parameters.Add(new NpgsqlParameter("@v" + i.ToString(CultureInfo.InvariantCulture), rows.Varying[i].Values));
        }
        await command.ExecuteNonQueryAsync(tx.Cancel);
    }

    /// <inheritdoc/>
    private protected override Task LockAsync(StoreTransaction tx, string name) =>
        tx.ExecuteAsync("SELECT pg_advisory_xact_lock(hashtext(@n))", ("@n", name));

    /// <inheritdoc/>
    protected override string MigrationSql(Migration migration)
    {
        ArgumentNullException.ThrowIfNull(migration);
        var security = migration.PostgresSecurity;
        security = _serviceRole is null
            ? string.Join('\n', security.Split('\n').Where(l => !l.TrimStart().StartsWith("GRANT", StringComparison.Ordinal)))
            : security.Replace("{service}", _serviceRole, StringComparison.Ordinal);
        return migration.Sql + "\n" + security;
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _service.Dispose();
            if (!ReferenceEquals(_owner, _service))
            {
                _owner.Dispose();
            }
        }
        base.Dispose(disposing);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]*$")]
    private static partial Regex RoleName();
}
