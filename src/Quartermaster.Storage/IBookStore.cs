using Quartermaster.Core;

namespace Quartermaster.Storage;

/// <summary>
/// Where books, plans, stress runs, API keys and the audit log live. Every method that touches tenant
/// data takes the caller's <see cref="AccessScope"/> and returns only rows that scope may see (a rival's
/// row is indistinguishable from a missing one); provider-side reads of tenant data and every write are
/// appended to the audit log in the same transaction. Callers cannot append entries of their own, so a read
/// of tenant data cannot be made without its entry, nor an entry without the read. Implementations: <see cref="SqliteBookStore"/>, <see cref="PostgresBookStore"/>.
/// </summary>
public interface IBookStore : IDisposable
{
    /// <summary>Applies every migration above the database's version, up to <paramref name="toVersion"/> (default: all).</summary>
    Task MigrateAsync(int? toVersion = null, CancellationToken cancel = default);

    /// <summary>The schema version of the database, 0 when empty; read through the owner (migration) connection.</summary>
    Task<int> SchemaVersionAsync(CancellationToken cancel = default);

    /// <summary>
    /// Checks that the service connection answers: one round trip (<c>SELECT 1</c>) on a pooled connection, the
    /// cheap liveness check. Throws <see cref="System.Data.Common.DbException"/> when the database cannot be reached.
    /// </summary>
    Task PingAsync(CancellationToken cancel = default);

    /// <summary>
    /// The deeper readiness check, as the service role: the schema is at <see cref="Migration.Latest"/>, and in
    /// PostgreSQL the role cannot bypass row-level security. Empty when ready; throws
    /// <see cref="System.Data.Common.DbException"/> when the database cannot be reached.
    /// </summary>
    Task<IReadOnlyList<string>> ReadinessProblemsAsync(CancellationToken cancel = default);

    /// <summary>
    /// Stores <paramref name="book"/> as the next version of its id (admin only); <paramref name="yaml"/> is kept
    /// verbatim when given. With <paramref name="basedOnVersion"/>, stores only if that is still the latest
    /// version and returns null otherwise (optimistic concurrency: an edit of a stale version is never lost silently).
    /// </summary>
    Task<BookVersion?> SaveBookAsync(AccessScope scope, Book book, string? yaml = null, int? basedOnVersion = null, CancellationToken cancel = default);

    /// <summary>
    /// The latest version of every book the scope may know of: every book for a provider; for a tenant, the books
    /// whose latest version it is a tenant of. To a tenant, any other book does not exist.
    /// </summary>
    Task<IReadOnlyList<BookVersion>> ListBooksAsync(AccessScope scope, CancellationToken cancel = default);

    /// <summary>
    /// The latest version number of <paramref name="bookId"/>, under the rule of <see cref="ListBooksAsync"/>: null
    /// when there is no such book, or when a tenant scope is not a tenant of its latest version.
    /// </summary>
    Task<int?> LatestVersionAsync(AccessScope scope, string bookId, CancellationToken cancel = default);

    /// <summary>Every version of <paramref name="bookId"/>, oldest first; empty when there is no such book.</summary>
    Task<IReadOnlyList<BookVersion>> ListVersionsAsync(AccessScope scope, string bookId, CancellationToken cancel = default);

    /// <summary>
    /// A version (the latest when null) of a book with its YAML text; provider roles only, null for tenants and unknown books.
    /// The book holds every tenant's contracts, so a provider read is audited as <paramref name="purpose"/> in the transaction of the read.
    /// </summary>
    Task<StoredBook?> GetBookAsync(AccessScope scope, string bookId, int? version = null, BookReadPurpose purpose = BookReadPurpose.Read, CancellationToken cancel = default);

    /// <summary>The tenants of a book version that the scope may see.</summary>
    Task<IReadOnlyList<TenantView>> ListTenantsAsync(AccessScope scope, string bookId, int version, CancellationToken cancel = default);

    /// <summary>One tenant of a book version, or null when it does not exist or the scope may not see it.</summary>
    Task<TenantView?> GetTenantAsync(AccessScope scope, string bookId, int version, string tenantId, CancellationToken cancel = default);

    /// <summary>Contracts of a book version the scope may see, of one tenant when <paramref name="tenantId"/> is given.</summary>
    Task<IReadOnlyList<ContractView>> ListContractsAsync(AccessScope scope, string bookId, int version, string? tenantId = null, CancellationToken cancel = default);

    /// <summary>One contract, or null when it does not exist or the scope may not see it.</summary>
    Task<ContractView?> GetContractAsync(AccessScope scope, string bookId, int version, string contractId, CancellationToken cancel = default);

    /// <summary>Stores a plan of a book version with its fill and allocation rows (admin only).</summary>
    Task<PlanSummary> SavePlanAsync(AccessScope scope, string bookId, int version, string policy, string planner,
        IReadOnlyList<ContractFill> fills, IReadOnlyList<Allocation> allocations, CancellationToken cancel = default);

    /// <summary>A plan's header by id, or null.</summary>
    Task<PlanSummary?> GetPlanAsync(AccessScope scope, string bookId, string planId, CancellationToken cancel = default);

    /// <summary>The most recent plan of a book, or null when it has none.</summary>
    Task<PlanSummary?> LatestPlanAsync(AccessScope scope, string bookId, CancellationToken cancel = default);

    /// <summary>Fill rows of a plan that the scope may see, of one tenant when <paramref name="tenantId"/> is given, by month then contract.</summary>
    Task<IReadOnlyList<ContractFill>> ListFillsAsync(AccessScope scope, string planId, string? tenantId, CancellationToken cancel = default);

    /// <summary>Allocation rows of a plan that the scope may see, of one tenant when given, of one month when given.</summary>
    Task<IReadOnlyList<Allocation>> ListAllocationsAsync(AccessScope scope, string planId, string? tenantId, Month? month = null, CancellationToken cancel = default);

    /// <summary>
    /// Records a new queued stress run of a book version (admin only), held under <paramref name="lease"/> from the
    /// start when given, so a run whose instance dies before it starts is still taken over.
    /// </summary>
    Task<StressRunRecord> CreateStressRunAsync(AccessScope scope, string bookId, int version, StressRunLease? lease = null, CancellationToken cancel = default);

    /// <summary>Updates a stress run's status, progress, result or error.</summary>
    Task UpdateStressRunAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel = default);

    /// <summary>A stress run by id (provider roles only), or null; reading a finished run, whose result has figures per tenant, is audited.</summary>
    Task<StressRunRecord?> GetStressRunAsync(AccessScope scope, string runId, CancellationToken cancel = default);

    /// <summary>Creates an API key; the returned key is the only copy of its secret.</summary>
    Task<CreatedApiKey> CreateKeyAsync(AccessScope scope, Role role, string? tenantId, CancellationToken cancel = default);

    /// <summary>Every API key, revoked ones included, oldest first.</summary>
    Task<IReadOnlyList<ApiKeyRecord>> ListKeysAsync(CancellationToken cancel = default);

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeKeyAsync(AccessScope scope, string keyId, CancellationToken cancel = default);

    /// <summary>The valid (unrevoked) key matching a presented key, checked in constant time; null otherwise.</summary>
    Task<ApiKeyRecord?> AuthenticateAsync(string presentedKey, CancellationToken cancel = default);

    /// <summary>Records that <paramref name="scope"/> asked a stress run to stop (admin only): an audit entry and a stored request the run's coordinator polls.</summary>
    Task RecordStressRunCancelAsync(AccessScope scope, StressRunRecord run, CancellationToken cancel = default);

    /// <summary>
    /// Takes or renews the lease of the instance coordinating a queued or running stress run (admin only): succeeds when
    /// <paramref name="coordinator"/> holds it already or it has lapsed by <paramref name="now"/>; false when another
    /// instance holds it or the run is over. Compare-and-swap, so two instances never both take a run over.
    /// </summary>
    Task<bool> ClaimStressRunAsync(AccessScope scope, string runId, string coordinator, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancel = default);

    /// <summary>Queued or running stress runs whose coordinator's lease lapsed before <paramref name="now"/>: runs to take over.</summary>
    Task<IReadOnlyList<StressRunRecord>> ListOrphanedStressRunsAsync(AccessScope scope, DateTimeOffset now, CancellationToken cancel = default);

    /// <summary>Whether an admin asked the run to stop (<see cref="RecordStressRunCancelAsync"/>), from any instance.</summary>
    Task<bool> StressRunCancelRequestedAsync(AccessScope scope, string runId, CancellationToken cancel = default);

    /// <summary>Stores the result of one finished chunk of a run (admin only); a chunk stored twice keeps its first result.</summary>
    Task SaveStressChunkAsync(AccessScope scope, StoredStressChunk chunk, CancellationToken cancel = default);

    /// <summary>The stored chunks of a run, in path order (provider roles only): engine state, not a result handed to anyone.</summary>
    Task<IReadOnlyList<StoredStressChunk>> ListStressChunksAsync(AccessScope scope, string runId, CancellationToken cancel = default);

    /// <summary>The whole audit log in sequence order.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAuditLogAsync(CancellationToken cancel = default);
}
