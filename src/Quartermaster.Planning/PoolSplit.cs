namespace Quartermaster.Planning;

/// <summary>
/// The second, cheap stage: splits each class's MW over the class's pools, keeping each contract in
/// the pools it used last month, then filling the cheapest pools (lowest opex, then site id) first.
/// </summary>
internal static class PoolSplit
{
    /// <summary>
    /// MW of each contract (model index) in each pool, given class flows from <see cref="ClassRouting"/>,
    /// this month's pool capacities, and where each contract was last month.
    /// </summary>
    /// <remarks>
    /// Within a class all pools serve the same contracts, so the split cannot change a fill ratio. Stays come
    /// first: each contract asks for up to last month's MW in each pool it used; a pool asked for more than it
    /// holds scales every request down alike. The rest goes to the cheapest pools with room, which is the least
    /// opex for the MW still to place. Contracts are taken in id order; the order never changes a fill ratio.
    /// </remarks>
    public static List<PoolMw> Split(PlanningModel model, FillProblem problem, double[][] classFlows, double[] poolCapacity, LastMonth previous)
    {
        var spare = (double[])poolCapacity.Clone();
        var granted = new List<PoolMw>();
        var n = problem.Demand.Length;
        var classUsers = new List<(int Index, double Mw)>?[model.ClassPools.Length];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < problem.Eligible[i].Length; j++)
            {
                if (classFlows[i][j] > 0)
                {
                    (classUsers[problem.Eligible[i][j]] ??= []).Add((i, classFlows[i][j]));
                }
            }
        }
        var stays = new List<(int Rank, int Pool, double Mw)>();
        var remaining = new List<double>();
        var requests = new List<(int User, int Pool, double Mw)>();
        var requested = new double[poolCapacity.Length];
        for (var k = 0; k < model.ClassPools.Length; k++)
        {
            var pools = model.ClassPools[k];
            if (classUsers[k] is not { } users)
            {
                continue;
            }
            remaining.Clear();
            requests.Clear();
            for (var u = 0; u < users.Count; u++)
            {
                remaining.Add(users[u].Mw);
                // Last month's pools of this class, cheapest first.
                var before = previous.Of(problem.Contract[users[u].Index]);
                stays.Clear();
                foreach (var (_, pool, mw) in before)
                {
                    if (model.PoolClass[pool] == k && mw > 0)
                    {
                        stays.Add((model.PoolRank[pool], pool, mw));
                    }
                }
                stays.Sort(static (a, b) => a.Rank.CompareTo(b.Rank));
                var left = users[u].Mw;
                foreach (var (_, pool, was) in stays)
                {
                    if (left <= 0)
                    {
                        break;
                    }
                    var ask = Math.Min(left, was);
                    requests.Add((u, pool, ask));
                    requested[pool] += ask;
                    left -= ask;
                }
            }
            foreach (var (u, p, ask) in requests)
            {
                var total = requested[p];
                var grant = total > poolCapacity[p] ? ask * (poolCapacity[p] / total) : ask;
                grant = Math.Min(grant, Math.Min(spare[p], remaining[u]));
                if (grant > 0)
                {
                    granted.Add(new PoolMw(problem.Contract[users[u].Index], p, grant));
                    spare[p] -= grant;
                    remaining[u] -= grant;
                }
            }
            foreach (var (_, p, _) in requests)
            {
                requested[p] = 0;
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
                    if (take > 0)
                    {
                        granted.Add(new PoolMw(problem.Contract[users[u].Index], p, take));
                        spare[p] -= take;
                        remaining[u] -= take;
                    }
                }
            }
        }
        // A contract may get a pool twice (a stay, then more); merge into one row per contract and pool.
        granted.Sort((a, b) => a.Contract != b.Contract ? a.Contract.CompareTo(b.Contract) : a.Pool.CompareTo(b.Pool));
        var merged = new List<PoolMw>(granted.Count);
        foreach (var row in granted)
        {
            if (merged.Count > 0 && merged[^1].Contract == row.Contract && merged[^1].Pool == row.Pool)
            {
                merged[^1] = merged[^1] with { Mw = merged[^1].Mw + row.Mw };
            }
            else
            {
                merged.Add(row);
            }
        }
        return merged;
    }
}

/// <summary>MW of one contract in one pool.</summary>
/// <param name="Contract">Model index of the contract.</param>
/// <param name="Pool">Model index of the pool.</param>
/// <param name="Mw">Megawatts, positive.</param>
internal readonly record struct PoolMw(int Contract, int Pool, double Mw);
