using Quartermaster.Core;

namespace Quartermaster.Documents;

/// <summary>The plan as the report and the dashboard draw it: fill ratio per tenant and idle MW per site, month by month.</summary>
/// <param name="Policy">The policy the plan follows.</param>
/// <param name="Months">The horizon's months; every series below has one value per month.</param>
/// <param name="FillByTenant">Per tenant in book order: allocated / committed MW, summed over its contracts.</param>
/// <param name="IdleBySite">Per site in book order: online MW not allocated.</param>
public sealed record PlanChartData(
    AllocationPolicy Policy,
    IReadOnlyList<Month> Months,
    IReadOnlyList<TenantFillRatios> FillByTenant,
    IReadOnlyList<SiteIdleMw> IdleBySite)
{
    /// <summary>The chart data of <paramref name="plan"/>, a plan of <paramref name="book"/>.</summary>
    public static PlanChartData Of(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return Of(book, plan.Policy, plan.Fills, plan.Allocations);
    }

    /// <summary>
    /// The same from plan rows as a store keeps them (the dashboard's source); online MW comes from <paramref name="book"/>.
    /// </summary>
    public static PlanChartData Of(Book book, AllocationPolicy policy, IEnumerable<ContractFill> fills, IEnumerable<Allocation> allocations)
    {
        ArgumentNullException.ThrowIfNull(book);
        var months = book.Horizon.Months().ToList();
        var byTenant = fills.GroupBy(f => (f.TenantId, f.Month))
            .ToDictionary(g => g.Key, g => (Committed: g.Sum(f => f.CommittedMw), Allocated: g.Sum(f => f.AllocatedMw)));
        var allocated = allocations.GroupBy(a => (a.SiteId, a.Month)).ToDictionary(g => g.Key, g => g.Sum(a => a.Mw));
        return new PlanChartData(
            policy,
            months,
            [.. book.Tenants.Select(t => new TenantFillRatios(t.Id,
                [.. months.Select(m => byTenant.TryGetValue((t.Id, m), out var v) && v.Committed > 0 ? v.Allocated / v.Committed : (double?)null)]))],
            [.. book.Sites.Select(s => new SiteIdleMw(s.Id, [.. months.Select(m => Math.Max(0, s.OnlineMw(m) - allocated.GetValueOrDefault((s.Id, m))))]))]);
    }
}
