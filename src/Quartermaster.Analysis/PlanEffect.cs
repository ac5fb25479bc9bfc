using Quartermaster.Core;

namespace Quartermaster.Analysis;

/// <summary>
/// What the changes do to the plan: each book planned under its policy, then revenue (price x allocated MW), idle
/// capacity, commitments and capacity online compared, and the fill ratios that moved, per contract and month.
/// </summary>
/// <param name="OldPolicy">The policy the old book was planned under.</param>
/// <param name="NewPolicy">The policy the new book was planned under.</param>
/// <param name="OldRevenueUsd">Planned revenue of the old book over its horizon, US dollars, undiscounted.</param>
/// <param name="NewRevenueUsd">Planned revenue of the new book, US dollars.</param>
/// <param name="RevenueDeltaUsd">New minus old, US dollars.</param>
/// <param name="OldIdleMwMonths">Idle MW summed over sites and months in the old plan.</param>
/// <param name="NewIdleMwMonths">Idle MW-months in the new plan.</param>
/// <param name="IdleDeltaMwMonths">New minus old, MW-months.</param>
/// <param name="OldCommittedMwMonths">MW committed, summed over contracts and the old book's horizon months.</param>
/// <param name="NewCommittedMwMonths">MW-months committed in the new book.</param>
/// <param name="OldOnlineMwMonths">MW online, summed over sites and the old book's horizon months.</param>
/// <param name="NewOnlineMwMonths">MW-months online in the new book.</param>
/// <param name="Tenants">Revenue by tenant, every tenant of either book, old book order then added tenants.</param>
/// <param name="Sites">Idle MW-months by site, every site of either book.</param>
/// <param name="Contracts">One row per contract whose fill ratio moved in at least one month, in new book order.</param>
/// <param name="FillMoves">Every contract-month whose fill ratio moved, by month then contract.</param>
public sealed record PlanEffect(
    AllocationPolicy OldPolicy,
    AllocationPolicy NewPolicy,
    double OldRevenueUsd,
    double NewRevenueUsd,
    double RevenueDeltaUsd,
    double OldIdleMwMonths,
    double NewIdleMwMonths,
    double IdleDeltaMwMonths,
    double OldCommittedMwMonths,
    double NewCommittedMwMonths,
    double OldOnlineMwMonths,
    double NewOnlineMwMonths,
    IReadOnlyList<TenantRevenueChange> Tenants,
    IReadOnlyList<SiteIdleChange> Sites,
    IReadOnlyList<ContractFillChange> Contracts,
    IReadOnlyList<FillMove> FillMoves)
{
    /// <summary>Fill ratios closer than this are the same: the planners' own tolerance on equal fill ratios.</summary>
    public const double FillTolerance = 1e-9;

    /// <summary>The effect of going from <paramref name="oldBook"/> planned as <paramref name="oldPlan"/> to <paramref name="newBook"/> planned as <paramref name="newPlan"/>.</summary>
    public static PlanEffect Of(Book oldBook, Plan oldPlan, Book newBook, Plan newPlan)
    {
        ArgumentNullException.ThrowIfNull(oldBook);
        ArgumentNullException.ThrowIfNull(oldPlan);
        ArgumentNullException.ThrowIfNull(newBook);
        ArgumentNullException.ThrowIfNull(newPlan);
        var oldRevenue = RevenueByTenant(oldBook, oldPlan);
        var newRevenue = RevenueByTenant(newBook, newPlan);
        var tenants = oldBook.Tenants.Select(t => t.Id).Concat(newBook.Tenants.Select(t => t.Id)).Distinct(StringComparer.Ordinal)
            .Select(id => Tenant(id, oldRevenue.GetValueOrDefault(id), newRevenue.GetValueOrDefault(id))).ToList();
        var oldIdle = IdleBySite(oldPlan);
        var newIdle = IdleBySite(newPlan);
        var sites = oldBook.Sites.Select(s => s.Id).Concat(newBook.Sites.Select(s => s.Id)).Distinct(StringComparer.Ordinal)
            .Select(id => new SiteIdleChange(id, oldIdle.GetValueOrDefault(id), newIdle.GetValueOrDefault(id), newIdle.GetValueOrDefault(id) - oldIdle.GetValueOrDefault(id))).ToList();
        var (contracts, moves) = FillChanges(oldPlan, newBook, newPlan);
        var (oldTotal, newTotal) = (oldPlan.RevenueUsd(oldBook), newPlan.RevenueUsd(newBook));
        var (oldIdleTotal, newIdleTotal) = (oldIdle.Values.Sum(), newIdle.Values.Sum());
        return new PlanEffect(oldPlan.Policy, newPlan.Policy, oldTotal, newTotal, newTotal - oldTotal, oldIdleTotal, newIdleTotal, newIdleTotal - oldIdleTotal,
            Committed(oldBook), Committed(newBook), Online(oldBook), Online(newBook), tenants, sites, contracts, moves);
    }

    private static TenantRevenueChange Tenant(string id, double old, double @new) => new(id, old, @new, @new - old);

    private static Dictionary<string, double> RevenueByTenant(Book book, Plan plan)
    {
        var price = book.Contracts.ToDictionary(c => c.Id, c => c.PricePerMwMonthUsd, StringComparer.Ordinal);
        var revenue = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var fill in plan.Fills)
        {
            revenue[fill.TenantId] = revenue.GetValueOrDefault(fill.TenantId) + (price[fill.ContractId] * fill.AllocatedMw);
        }
        return revenue;
    }

    private static Dictionary<string, double> IdleBySite(Plan plan)
    {
        var idle = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in plan.Idle)
        {
            idle[row.SiteId] = idle.GetValueOrDefault(row.SiteId) + row.IdleMw;
        }
        return idle;
    }

    private static double Committed(Book book) => book.Horizon.Months().Sum(book.CommittedMw);

    private static double Online(Book book) => book.Horizon.Months().Sum(book.OnlineMw);

    private static (List<ContractFillChange> Contracts, List<FillMove> Moves) FillChanges(Plan oldPlan, Book newBook, Plan newPlan)
    {
        var old = new Dictionary<(string, Month), double>();
        foreach (var fill in oldPlan.Fills)
        {
            old[(fill.ContractId, fill.Month)] = fill.FillRatio;
        }
        var moves = new List<FillMove>();
        var common = new Dictionary<string, List<(double Old, double New)>>(StringComparer.Ordinal);
        foreach (var fill in newPlan.Fills)
        {
            if (!old.TryGetValue((fill.ContractId, fill.Month), out var before))
            {
                continue;
            }
            if (!common.TryGetValue(fill.ContractId, out var pairs))
            {
                common[fill.ContractId] = pairs = [];
            }
            pairs.Add((before, fill.FillRatio));
            if (Math.Abs(fill.FillRatio - before) > FillTolerance)
            {
                moves.Add(new FillMove(fill.Month, fill.ContractId, fill.TenantId, before, fill.FillRatio));
            }
        }
        var contracts = new List<ContractFillChange>();
        foreach (var contract in newBook.Contracts)
        {
            var moved = moves.Where(m => m.ContractId == contract.Id).ToList();
            if (moved.Count == 0)
            {
                continue;
            }
            var pairs = common[contract.Id];
            contracts.Add(new ContractFillChange(contract.Id, contract.Tenant, moved.Count, moved[0].Month, moved[^1].Month,
                pairs.Average(p => p.Old), pairs.Average(p => p.New),
                Math.Max(0, moved.Max(m => m.OldFillRatio - m.NewFillRatio)), Math.Max(0, moved.Max(m => m.NewFillRatio - m.OldFillRatio))));
        }
        return (contracts, moves);
    }
}
