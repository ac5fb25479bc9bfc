using Quartermaster.Core;

namespace Quartermaster.Server;

/// <summary>A tenant's SLA report: committed against allocated, and the months it fell short.</summary>
/// <param name="BookId">The book.</param>
/// <param name="PlanId">The plan read.</param>
/// <param name="TenantId">The tenant.</param>
/// <param name="Contracts">One entry per contract of the tenant.</param>
public sealed record SlaReport(string BookId, string PlanId, string TenantId, IReadOnlyList<ContractSla> Contracts)
{
    /// <summary>Builds the report from a tenant's fill rows of a plan made under <paramref name="policy"/>.</summary>
    public static SlaReport Of(string bookId, string planId, string policy, string tenantId, IReadOnlyList<ContractFill> fills) =>
        new(bookId, planId, tenantId, [.. fills.GroupBy(f => f.ContractId).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => new ContractSla(
            g.Key, g.Sum(f => f.CommittedMw), g.Sum(f => f.AllocatedMw), g.Min(f => f.FillRatio),
            [.. g.Where(f => f.CommittedMw - f.AllocatedMw > 1e-9).Select(f => new ShortfallMonth(f.Month, f.CommittedMw, f.AllocatedMw, f.CommittedMw - f.AllocatedMw, ShortfallMonth.ReasonUnder(policy)))]))]);
}
