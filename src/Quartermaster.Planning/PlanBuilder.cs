namespace Quartermaster.Planning;

/// <summary>Turns pool-level allocations into a <see cref="Plan"/>: rows, fills, idle capacity and shortfall reasons.</summary>
internal static class PlanBuilder
{
    /// <summary>Relative tolerance under which a fill counts as full and a pool as saturated.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Allocations at or below this fraction of their contract's commitment that month are rounding dust from the
    /// flow arithmetic and are dropped (relative, so a 0.001 MW contract keeps its rows and a 100 GW one drops its dust).
    /// </summary>
    public const double Dust = 1e-12;

    /// <summary>Builds the plan of <paramref name="months"/> under <paramref name="model"/>.</summary>
    public static Plan Build(PlanningModel model, IReadOnlyList<MonthAllocation> months)
    {
        var poolRefs = PoolRefs(model);
        return Assemble(model.Policy, [.. months.Select(m => BuildMonth(model, m, poolRefs))]);
    }

    /// <summary>Names of the model's pools, by pool index.</summary>
    public static ChipPoolRef[] PoolRefs(PlanningModel model) =>
        [.. model.Pools.Select(p => new ChipPoolRef(model.Sites[p.SiteIndex].Id, p.Chip))];

    /// <summary>Concatenates the rows of each month into a plan.</summary>
    public static Plan Assemble(AllocationPolicy policy, IReadOnlyList<MonthRows> months) =>
        new(policy,
            months.Select(m => m.Month).ToValueList(),
            months.SelectMany(m => m.Allocations).ToValueList(),
            months.SelectMany(m => m.Fills).ToValueList(),
            months.SelectMany(m => m.Idle).ToValueList(),
            months.SelectMany(m => m.Shortfalls).ToValueList(),
            months.SelectMany(m => m.Halls).ToValueList());

    /// <summary>The plan rows of one month.</summary>
    public static MonthRows BuildMonth(PlanningModel model, MonthAllocation month, ChipPoolRef[] poolRefs)
    {
        var allocations = new List<Allocation>();
        var fills = new List<ContractFill>();
        var idle = new List<SiteIdle>();
        var shortfalls = new List<Shortfall>();
        var m = month.Month;
        var reasons = new Dictionary<string, ValueList<ChipPoolRef>>(StringComparer.Ordinal);
        var byContract = new double[model.Contracts.Length];
        var byPool = new double[model.Pools.Length];
        var bySite = new double[model.Sites.Length];
        var committedMw = new double[model.Contracts.Length];
        for (var c = 0; c < committedMw.Length; c++)
        {
            committedMw[c] = model.Contracts[c].CommittedMw(m);
        }
        foreach (var (c, p, mw) in month.Pools)
        {
            if (mw <= Dust * committedMw[c])
            {
                continue;
            }
            byContract[c] += mw;
            byPool[p] += mw;
            bySite[model.Pools[p].SiteIndex] += mw;
            allocations.Add(new Allocation(m, model.Contracts[c].Id, model.Contracts[c].Tenant, poolRefs[p].SiteId, poolRefs[p].Chip, mw));
        }
        var classCapacity = new double[model.ClassPools.Length];
        for (var p = 0; p < model.Pools.Length; p++)
        {
            classCapacity[model.PoolClass[p]] += month.PoolCapacity[p];
        }
        var active = Enumerable.Range(0, model.Contracts.Length).Where(c => committedMw[c] > 0).ToArray();
        var component = model.FreezesComponents
            ? EligibilityComponents.Label([.. active.Select(c => model.EligibleClasses[c])], classCapacity)
            : null;
        for (var ci = 0; ci < model.Contracts.Length; ci++)
        {
            var contract = model.Contracts[ci];
            if (m < contract.Start || m > contract.End)
            {
                continue;
            }
            var committed = committedMw[ci];
            var fill = committed > 0 ? Math.Min(1, byContract[ci] / committed) : 1;
            fills.Add(new ContractFill(m, contract.Id, contract.Tenant, committed, byContract[ci]));
            if (committed > 0 && fill < 1 - Tolerance)
            {
                // The full pools the contract may use bound it. Under pro-rata a contract none of whose pools is full is
                // held to its component's common ratio, so the full pools of the component bound it.
                var saturated = Saturated(model.EligibleClasses[ci]);
                if (saturated.Count == 0 && component is not null)
                {
                    saturated = Saturated(ComponentClasses(model, active, component, Array.IndexOf(active, ci)));
                }
                shortfalls.Add(new Shortfall(m, contract.Id, contract.Tenant, committed - byContract[ci], saturated));
            }
        }
        // Contracts with the same reach share one list: a short month can have thousands of shortfalls.
        ValueList<ChipPoolRef> Saturated(int[] reach)
        {
            var key = string.Join(",", reach);
            if (!reasons.TryGetValue(key, out var saturated))
            {
                saturated = reach.SelectMany(k => model.ClassPools[k])
                    .Where(p => month.PoolCapacity[p] > 0 && byPool[p] >= month.PoolCapacity[p] * (1 - Tolerance))
                    .Order()
                    .Select(p => poolRefs[p])
                    .ToValueList();
                reasons[key] = saturated;
            }
            return saturated;
        }
        for (var s = 0; s < model.Sites.Length; s++)
        {
            idle.Add(new SiteIdle(m, model.Sites[s].Id, model.Sites[s].OnlineMw(m), bySite[s]));
        }
        var halls = (month.Halls ?? []).Where(h => h.Mw > Dust * committedMw[h.Contract])
            .Select(h => new HallAllocation(m, model.Contracts[h.Contract].Id, poolRefs[h.Pool].SiteId, poolRefs[h.Pool].Chip, h.Hall, h.Mw))
            .ToList();
        return new MonthRows(month.Month, allocations, fills, idle, shortfalls, halls);
    }

    private static int[] ComponentClasses(PlanningModel model, int[] active, int[] component, int position) =>
        [.. Enumerable.Range(0, active.Length).Where(j => component[j] == component[position])
            .SelectMany(j => model.EligibleClasses[active[j]]).Distinct().Order()];
}
