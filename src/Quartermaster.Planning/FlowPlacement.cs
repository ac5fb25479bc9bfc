namespace Quartermaster.Planning;

/// <summary>
/// Places a month's fair MW on pools without looking at names: contracts that are the same for placement
/// (the same eligible classes and the same spread over pools last month) form one unit, units are routed onto
/// classes and split over pools in a canonical order, and each unit's pools are shared among its contracts in
/// proportion to their MW.
/// </summary>
/// <remarks>
/// Two contracts identical in everything but name therefore get identical placements (proportional when their
/// commitments differ), and the order in which distinct units are favoured (a max-flow's augmenting order, the
/// cheapest pools first) depends only on their eligibility and history. Members of one unit leave with one
/// shared shape, so they stay one unit next month.
/// </remarks>
internal static class FlowPlacement
{
    /// <summary>The placement of <paramref name="fair"/> (MW per contract of <paramref name="problem"/>) on this month's pools.</summary>
    public static MonthAllocation Place(PlanningModel model, FillProblem problem, double[] fair, double[] capacity, Month month, LastMonth previous)
    {
        var placed = new List<int>();
        for (var i = 0; i < fair.Length; i++)
        {
            if (fair[i] > 0)
            {
                placed.Add(i);
            }
        }
        // Stable: members of a unit equal in fair MW and last month's rows keep the problem's canonical order.
        var sorted = placed.OrderBy(i => i, Comparer<int>.Create((a, b) => CompareWithinUnit(problem, previous, fair, a, b))).ToList();
        var units = new List<List<int>>();
        foreach (var i in sorted)
        {
            if (units.Count > 0 && CompareForPlacement(problem, previous, units[^1][0], i) == 0)
            {
                units[^1].Add(i);
            }
            else
            {
                units.Add([i]);
            }
        }

        var n = units.Count;
        var eligible = new int[n][];
        var mw = new double[n];
        var lastClasses = new double[n][];
        var lastPools = new List<(int Pool, double Mw)>[n];
        for (var u = 0; u < n; u++)
        {
            eligible[u] = problem.Eligible[units[u][0]];
            lastClasses[u] = new double[eligible[u].Length];
            var pools = new SortedDictionary<int, double>();
            foreach (var i in units[u])
            {
                mw[u] += fair[i];
                foreach (var (_, pool, was) in previous.Of(problem.Contract[i]))
                {
                    var j = Array.IndexOf(eligible[u], model.PoolClass[pool]);
                    if (j >= 0)
                    {
                        lastClasses[u][j] += was;
                        pools[pool] = pools.GetValueOrDefault(pool) + was;
                    }
                }
            }
            lastPools[u] = [.. pools.Select(kv => (kv.Key, kv.Value))];
        }
        var classFlows = ClassRouting.Route(eligible, problem.ClassCapacity, mw, lastClasses);
        var unitPools = PoolSplit.Split(model, eligible, classFlows, capacity, lastPools);

        var rows = new List<PoolMw>();
        var shapes = new PoolShare[]?[model.Contracts.Length];
        for (var u = 0; u < n; u++)
        {
            var total = 0.0;
            foreach (var (_, m) in unitPools[u])
            {
                total += m;
            }
            var shape = total > 0 ? unitPools[u].Select(r => new PoolShare(r.Pool, r.Mw / total)).ToArray() : null;
            foreach (var i in units[u])
            {
                var share = fair[i] / mw[u];
                var contract = problem.Contract[i];
                shapes[contract] = shape;
                foreach (var (pool, m) in unitPools[u])
                {
                    rows.Add(new PoolMw(contract, pool, m * share));
                }
            }
        }
        rows.Sort(static (a, b) => a.Contract != b.Contract ? a.Contract.CompareTo(b.Contract) : a.Pool.CompareTo(b.Pool));
        return new MonthAllocation(month, capacity, rows, Shapes: shapes);
    }

    /// <summary>
    /// Placement order, and within a unit the order its members' MW are summed in: by fair MW, then by last month's
    /// rows. Floating-point sums depend on their order, so two members that differ in either must not be ordered
    /// by the canonical order's last key, the contract's index (so its id): renaming contracts would change the
    /// unit's MW in the last bit (seed 5mSqBBddiAo6 of the name-blindness test). Members equal in both are summed
    /// the same whichever comes first.
    /// </summary>
    private static int CompareWithinUnit(FillProblem problem, LastMonth previous, double[] fair, int a, int b)
    {
        var order = CompareForPlacement(problem, previous, a, b);
        if (order != 0)
        {
            return order;
        }
        order = fair[a].CompareTo(fair[b]);
        if (order != 0)
        {
            return order;
        }
        var x = previous.Of(problem.Contract[a]);
        var y = previous.Of(problem.Contract[b]);
        for (var r = 0; r < Math.Min(x.Length, y.Length); r++)
        {
            order = x[r].Pool != y[r].Pool ? x[r].Pool.CompareTo(y[r].Pool) : x[r].Mw.CompareTo(y[r].Mw);
            if (order != 0)
            {
                return order;
            }
        }
        return x.Length.CompareTo(y.Length);
    }

    /// <summary>Orders contracts (problem indices) by eligible classes, then by last month's shape; 0 when they form one unit.</summary>
    private static int CompareForPlacement(FillProblem problem, LastMonth previous, int a, int b)
    {
        var order = problem.Eligible[a].AsSpan().SequenceCompareTo(problem.Eligible[b]);
        return order != 0 ? order : PoolShare.Compare(previous.ShapeOf(problem.Contract[a]), previous.ShapeOf(problem.Contract[b]));
    }
}
