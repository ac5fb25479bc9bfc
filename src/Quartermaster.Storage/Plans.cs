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
            // Thousands of rows per plan: sent column by column, in one statement per table where the database allows.
            (string, object)[] shared = [("plan_id", plan.PlanId), ("book_id", bookId), ("version", version)];
            await tx.InsertAsync(new RowBatch("fills", shared,
            [
                ("tenant_id", fills.Select(f => f.TenantId).ToArray()),
                ("contract_id", fills.Select(f => f.ContractId).ToArray()),
                ("month", fills.Select(f => f.Month.ToString()).ToArray()),
                ("committed_mw", fills.Select(f => f.CommittedMw).ToArray()),
                ("allocated_mw", fills.Select(f => f.AllocatedMw).ToArray()),
            ]));
            await tx.InsertAsync(new RowBatch("allocations", shared,
            [
                ("tenant_id", allocations.Select(a => a.TenantId).ToArray()),
                ("month", allocations.Select(a => a.Month.ToString()).ToArray()),
                ("contract_id", allocations.Select(a => a.ContractId).ToArray()),
                ("site_id", allocations.Select(a => a.SiteId).ToArray()),
                ("chip", allocations.Select(a => a.Chip).ToArray()),
                ("mw", allocations.Select(a => a.Mw).ToArray()),
            ]));
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
