using Quartermaster.Core;
using Quartermaster.Planning;

namespace Quartermaster.Cli.Commands;

/// <summary>The JSON form of a plan (<c>qm plan --json</c>): stable snake_case fields, MW, months as YYYY-MM.</summary>
internal sealed record PlanDocument(
    string Policy,
    IReadOnlyList<string> Months,
    IReadOnlyList<PlanDocument.AllocationRow> Allocations,
    IReadOnlyList<PlanDocument.FillRow> Fill,
    IReadOnlyList<PlanDocument.IdleRow> Idle,
    IReadOnlyList<PlanDocument.ShortfallRow> Shortfalls)
{
    public sealed record AllocationRow(string Contract, string Site, string Month, double Mw);

    public sealed record FillRow(string Contract, string Tenant, string Month, double CommittedMw, double AllocatedMw, double FillRatio);

    public sealed record IdleRow(string Site, string Month, double OnlineMw, double AllocatedMw, double IdleMw);

    public sealed record ShortfallRow(string Contract, string Tenant, string Month, double ShortMw, IReadOnlyList<string> SaturatedSites, IReadOnlyList<string> SaturatedPools);

    public static PlanDocument Of(Plan plan) => new(
        plan.Policy.ToName(),
        [.. plan.Months.Select(m => m.ToString())],
        // x[contract, site, month]: chip pools of one site are summed, as the design's plan is per site.
        [.. plan.Allocations.GroupBy(a => (a.Month, a.ContractId, a.SiteId))
            .Select(g => new AllocationRow(g.Key.ContractId, g.Key.SiteId, g.Key.Month.ToString(), g.Sum(a => a.Mw)))],
        [.. plan.Fills.Select(f => new FillRow(f.ContractId, f.TenantId, f.Month.ToString(), f.CommittedMw, f.AllocatedMw, f.FillRatio))],
        [.. plan.Idle.Select(i => new IdleRow(i.SiteId, i.Month.ToString(), i.OnlineMw, i.AllocatedMw, Math.Max(0, i.OnlineMw - i.AllocatedMw)))],
        [.. plan.Shortfalls.Select(s => new ShortfallRow(s.ContractId, s.TenantId, s.Month.ToString(), s.ShortMw,
            s.SaturatedSites, [.. s.SaturatedPools.Select(p => p.SiteId + "/" + p.Chip)]))]);
}
