namespace Quartermaster.Planning;

/// <summary>
/// The second, cheap stage: splits each class's MW over the class's pools, keeping each contract in
/// the pools it used last month, then filling the cheapest pools (lowest opex, then site id) first.
/// </summary>
internal static class PoolSplit
{
    /// <summary>
    /// MW of each contract (model index) in each pool, given class flows from <see cref="ClassRouting"/>,
    /// this month's pool capacities, and each contract's MW per pool last month (null when it had none).
    /// </summary>
    /// <remarks>
    /// Within a class all pools serve the same contracts, so the split cannot change a fill ratio. Stays come
    /// first: each contract asks for up to last month's MW in each pool it used; a pool asked for more than it
    /// holds scales every request down alike. The rest goes to the cheapest pools with room, which is the least
    /// opex for the MW still to place. Contracts are taken in id order; the order never changes a fill ratio.
    /// </remarks>
    public static List<PoolMw> Split(PlanningModel model, FillProblem problem, double[][] classFlows, double[] poolCapacity, Dictionary<int, double>?[] previous)
    {
        var spare = (double[])poolCapacity.Clone();
        var result = new List<PoolMw>();
        var n = problem.Demand.Length;
        for (var k = 0; k < model.ClassPools.Length; k++)
        {
            var pools = model.ClassPools[k];
            var users = new List<(int Index, double Mw)>();
            for (var i = 0; i < n; i++)
            {
                var j = Array.IndexOf(problem.Eligible[i], k);
                if (j >= 0 && classFlows[i][j] > 0)
                {
                    users.Add((i, classFlows[i][j]));
                }
            }
            if (users.Count == 0)
            {
                continue;
            }
            var remaining = users.Select(u => u.Mw).ToArray();
            var given = new Dictionary<(int User, int Pool), double>();
            var requests = new List<(int User, int Pool, double Mw)>();
            var requested = new Dictionary<int, double>();
            for (var u = 0; u < users.Count; u++)
            {
                var before = previous[problem.Contract[users[u].Index]];
                if (before is null)
                {
                    continue;
                }
                var left = users[u].Mw;
                foreach (var p in pools)
                {
                    if (left <= 0 || !before.TryGetValue(p, out var was) || was <= 0)
                    {
                        continue;
                    }
                    var ask = Math.Min(left, was);
                    requests.Add((u, p, ask));
                    requested[p] = requested.GetValueOrDefault(p) + ask;
                    left -= ask;
                }
            }
            foreach (var (u, p, ask) in requests)
            {
                var total = requested[p];
                var granted = total > poolCapacity[p] ? ask * (poolCapacity[p] / total) : ask;
                granted = Math.Min(granted, Math.Min(spare[p], remaining[u]));
                if (granted <= 0)
                {
                    continue;
                }
                given[(u, p)] = given.GetValueOrDefault((u, p)) + granted;
                spare[p] -= granted;
                remaining[u] -= granted;
            }
            for (var u = 0; u < users.Count; u++)
            {
                foreach (var p in pools)
                {
                    if (remaining[u] <= 0)
                    {
                        break;
                    }
                    var take = Math.Min(remaining[u], spare[p]);
                    if (take <= 0)
                    {
                        continue;
                    }
                    given[(u, p)] = given.GetValueOrDefault((u, p)) + take;
                    spare[p] -= take;
                    remaining[u] -= take;
                }
            }
            foreach (var ((u, p), mw) in given)
            {
                result.Add(new PoolMw(problem.Contract[users[u].Index], p, mw));
            }
        }
        result.Sort((a, b) => a.Contract != b.Contract ? a.Contract.CompareTo(b.Contract) : a.Pool.CompareTo(b.Pool));
        return result;
    }
}

/// <summary>MW of one contract in one pool.</summary>
/// <param name="Contract">Model index of the contract.</param>
/// <param name="Pool">Model index of the pool.</param>
/// <param name="Mw">Megawatts, positive.</param>
internal readonly record struct PoolMw(int Contract, int Pool, double Mw);
