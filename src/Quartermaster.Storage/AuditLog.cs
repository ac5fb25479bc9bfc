using System.Data.Common;
using static Quartermaster.Storage.StoreClock;

namespace Quartermaster.Storage;

/// <summary>The append-only, hash-chained audit log: every write and every provider-side read of tenant data.</summary>
internal sealed class AuditLog(StoreTransactions transactions)
{
    /// <summary>The whole log in sequence order.</summary>
    public Task<IReadOnlyList<AuditEntry>> ReadAsync(CancellationToken cancel) =>
        transactions.ReadAsync<IReadOnlyList<AuditEntry>>(AccessScope.System, async tx => await tx.QueryAsync(
            "SELECT seq, at, actor, role, action, resource, tenant_id, prev_hash, hash FROM audit_log ORDER BY seq", Read), cancel);

    /// <summary>
    /// Appends an entry by the transaction's scope inside <paramref name="tx"/>: it commits or rolls back with the
    /// work it records. Writers of the chain are serialised, so each entry hashes its true predecessor.
    /// </summary>
    public static async Task AppendAsync(StoreTransaction tx, string action, string resource, string? tenantId)
    {
        await tx.LockAsync("audit");
        var last = (await tx.QueryAsync("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1",
            r => (Sequence: ToLong(r.GetValue(0)), Hash: r.GetString(1)))).FirstOrDefault();
        var entry = AuditEntry.Next(last.Sequence, last.Hash ?? AuditEntry.GenesisHash, DateTimeOffset.UtcNow, tx.Scope, action, resource, tenantId);
        await tx.ExecuteAsync(
            "INSERT INTO audit_log (seq, at, actor, role, action, resource, tenant_id, prev_hash, hash) VALUES (@s, @at, @ac, @r, @a, @res, @t, @p, @h)",
            ("@s", entry.Sequence), ("@at", entry.At), ("@ac", entry.Actor), ("@r", entry.Role), ("@a", entry.Action),
            ("@res", entry.Resource), ("@t", entry.TenantId), ("@p", entry.PreviousHash), ("@h", entry.Hash));
    }

    private static AuditEntry Read(DbDataReader r) =>
        new(ToLong(r.GetValue(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4),
            r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetString(7), r.GetString(8));
}
