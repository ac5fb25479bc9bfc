using System.Data.Common;
using Quartermaster.Core;
using static Quartermaster.Storage.StoreClock;

namespace Quartermaster.Storage;

/// <summary>Stored plans: a header per plan, and its fill and allocation rows, each row carrying its contract's tenant.</summary>
internal sealed class Plans(StoreTransactions transactions, StoreOptions options)
{
    public Task<PlanSummary> SaveAsync(AccessScope scope, string bookId, int version, string policy, string planner,
        IReadOnlyList<ContractFill> fills, IReadOnlyList<Allocation> allocations, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(fills);
        ArgumentNullException.ThrowIfNull(allocations);
        return transactions.WriteAsync(scope, async tx =>
        {
            var plan = new PlanSummary(NewId("plan"), bookId, version, policy, planner, StoredNow());
            await tx.ExecuteAsync("INSERT INTO plans (plan_id, book_id, version, policy, planner, created_at) VALUES (@id, @b, @v, @p, @pl, @a)",
                ("@id", plan.PlanId), ("@b", bookId), ("@v", version), ("@p", policy), ("@pl", planner), ("@a", Format(plan.CreatedAt)));
            // One prepared command per table, its parameters rebound per row: thousands of rows per plan.
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
            await AuditLog.AppendAsync(tx, "plan.save", $"books/{bookId}/plans/{plan.PlanId}", null);
            return plan;
        }, cancel);
    }

    public async Task<PlanSummary?> GetAsync(AccessScope scope, string bookId, string planId, CancellationToken cancel) =>
        (await transactions.ReadAsync(scope, tx => tx.QueryAsync(
            "SELECT plan_id, book_id, version, policy, planner, created_at FROM plans WHERE plan_id = @id AND book_id = @b",
            ReadSummary, ("@id", planId), ("@b", bookId)), cancel)).FirstOrDefault();

    public async Task<PlanSummary?> LatestAsync(AccessScope scope, string bookId, CancellationToken cancel) =>
        (await transactions.ReadAsync(scope, tx => tx.QueryAsync(
            "SELECT plan_id, book_id, version, policy, planner, created_at FROM plans WHERE book_id = @b ORDER BY created_at DESC, plan_id DESC LIMIT 1",
            ReadSummary, ("@b", bookId)), cancel)).FirstOrDefault();

    public Task<IReadOnlyList<ContractFill>> ListFillsAsync(AccessScope scope, string planId, string? tenantId, CancellationToken cancel) =>
        transactions.ReadTenantDataAsync<IReadOnlyList<ContractFill>>(scope, new AuditedRead("sla.read", $"plans/{planId}/fills", tenantId), async tx => await tx.QueryAsync(
            """
            SELECT month, contract_id, tenant_id, committed_mw, allocated_mw FROM fills
            WHERE plan_id = @p AND (@id IS NULL OR tenant_id = @id) AND (@tenant IS NULL OR tenant_id = @tenant)
            ORDER BY month, contract_id
            """, r => new ContractFill(Month.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetDouble(3), r.GetDouble(4)),
            ("@p", planId), ("@id", tenantId), ("@tenant", options.TenantFilter(scope))), cancel);

    public Task<IReadOnlyList<Allocation>> ListAllocationsAsync(AccessScope scope, string planId, string? tenantId, Month? month, CancellationToken cancel) =>
        transactions.ReadTenantDataAsync<IReadOnlyList<Allocation>>(scope, new AuditedRead("allocations.read", $"plans/{planId}/allocations", tenantId), async tx => await tx.QueryAsync(
            """
            SELECT month, contract_id, tenant_id, site_id, chip, mw FROM allocations
            WHERE plan_id = @p AND (@id IS NULL OR tenant_id = @id) AND (@m IS NULL OR month = @m)
            AND (@tenant IS NULL OR tenant_id = @tenant)
            ORDER BY month, contract_id, site_id, chip
            """, r => new Allocation(Month.Parse(r.GetString(0)), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetDouble(5)),
            ("@p", planId), ("@id", tenantId), ("@m", month?.ToString()), ("@tenant", options.TenantFilter(scope))), cancel);

    private static PlanSummary ReadSummary(DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), ToInt(r.GetValue(2)), r.GetString(3), r.GetString(4), Parse(r.GetString(5)));
}
