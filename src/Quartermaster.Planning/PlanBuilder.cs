namespace Quartermaster.Planning;

/// <summary>Turns pool-level allocations into a <see cref="Plan"/>: rows, fills, idle capacity and shortfall reasons.</summary>
internal static class PlanBuilder
{
    /// <summary>Relative tolerance under which a fill counts as full and a pool as saturated.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Allocations at or below this fraction of their contract's commitment that month are rounding dust from the
    /// flow arithmetic and are dropped (relative, so a 0.001 MW contract keeps its rows and a 100 GW one drops its dust),
    /// unless they are more than <see cref="Tolerance"/> of their pool (see <see cref="IsDust"/>).
    /// </summary>
    public const double Dust = 1e-12;

    /// <summary>
    /// Whether a row is dust: negligible for its contract and for its pool. A 100 GW contract can hold 5e-8 MW of a
    /// 0.0007 MW pool (seed 44yfoZ_ATrv7 of the magnitude tests: a small contract's fill fell by that much and the big
    /// one took the freed MW); that is dust to the contract but 7e-5 of the pool, and dropping it showed the pool idle
    /// next to an unfilled contract that could use it.
    /// </summary>
    private static bool IsDust(double mw, double committedMw, double poolCapacityMw) =>
        mw <= Dust * committedMw && mw <= Tolerance * poolCapacityMw;

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
        var kept = new List<PoolMw>(month.Pools.Count);
        ShortfallBottleneck? bottleneck = null;
        foreach (var (c, p, mw) in month.Pools)
        {
            if (IsDust(mw, committedMw[c], month.PoolCapacity[p]))
            {
                continue;
            }
            kept.Add(new PoolMw(c, p, mw));
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
                bottleneck ??= new ShortfallBottleneck(model, month, byPool, kept);
                var (saturated, reason) = Explain(ci, bottleneck);
                shortfalls.Add(new Shortfall(m, contract.Id, contract.Tenant, committed - byContract[ci], saturated, reason));
            }
        }

        (ValueList<ChipPoolRef> Pools, ShortfallReason Reason) Explain(int ci, ShortfallBottleneck bottleneck)
        {
            if (bottleneck.NothingEligible(ci))
            {
                return (ValueList<ChipPoolRef>.Empty, ShortfallReason.NoEligibleCapacity);
            }
            var (cut, reachesSink, higherTier) = bottleneck.Cut(ci);
            if (!reachesSink)
            {
                return (Pools(cut, full: false), higherTier ? ShortfallReason.LowerTier : ShortfallReason.Capacity);
            }
            // No cut: the contract could get more from capacity with room. Under pro-rata its component's common ratio
            // holds it, set by the component's full pools; otherwise isolation keeps it out of the halls with room.
            if (component is not null)
            {
                var saturated = Pools(model.EligibleClasses[ci], full: true);
                return (saturated.Count > 0 ? saturated : Pools(ComponentClasses(model, active, component, Array.IndexOf(active, ci)), full: true),
                    ShortfallReason.CommonRatio);
            }
            return (Pools(model.EligibleClasses[ci], full: true), month.Halls is not null ? ShortfallReason.HallIsolation : ShortfallReason.Capacity);
        }

        // Contracts with the same cut share one list: a short month can have thousands of shortfalls.
        ValueList<ChipPoolRef> Pools(int[] classes, bool full)
        {
            var key = (full ? "f" : "c") + string.Join(",", classes);
            if (!reasons.TryGetValue(key, out var pools))
            {
                pools = classes.SelectMany(k => model.ClassPools[k])
                    .Where(p => month.PoolCapacity[p] > 0 && (!full || byPool[p] >= month.PoolCapacity[p] * (1 - Tolerance)))
                    .Order()
                    .Select(p => poolRefs[p])
                    .ToValueList();
                reasons[key] = pools;
            }
            return pools;
        }
        for (var s = 0; s < model.Sites.Length; s++)
        {
            idle.Add(new SiteIdle(m, model.Sites[s].Id, model.Sites[s].OnlineMw(m), bySite[s]));
        }
        var halls = (month.Halls ?? []).Where(h => !IsDust(h.Mw, committedMw[h.Contract], month.PoolCapacity[h.Pool]))
            .Select(h => new HallAllocation(m, model.Contracts[h.Contract].Id, poolRefs[h.Pool].SiteId, poolRefs[h.Pool].Chip, h.Hall, h.Mw))
            .ToList();
        return new MonthRows(month.Month, allocations, fills, idle, shortfalls, halls);
    }

    private static int[] ComponentClasses(PlanningModel model, int[] active, int[] component, int position) =>
        [.. Enumerable.Range(0, active.Length).Where(j => component[j] == component[position])
            .SelectMany(j => model.EligibleClasses[active[j]]).Distinct().Order()];
}
