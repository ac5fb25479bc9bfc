namespace Quartermaster.Planning;

/// <summary>
/// The second, cheap stage: splits each class's MW over the class's pools, keeping each placement unit in
/// the pools it used last month, then filling the cheapest pools (lowest opex, then site id) first.
/// </summary>
internal static class PoolSplit
{
    /// <summary>Remaining MW, relative to a unit's MW, below which the unit counts as placed (rounding dust).</summary>
    private const double Dust = 1e-13;

    /// <summary>
    /// MW of each unit in each pool (sorted by pool), given class flows from <see cref="ClassRouting"/>, this month's
    /// pool capacities, and each unit's MW per pool last month (sorted by pool).
    /// </summary>
    /// <remarks>
    /// Within a class all pools serve the same contracts, so the split cannot change a fill ratio. Stays come
    /// first: each unit asks for up to last month's MW in each pool it used; a pool asked for more than it
    /// holds scales every request down alike. The rest goes to the cheapest pools with room, which is the least
    /// opex for the MW still to place, units taken in their canonical order (by what they are, never by name).
    /// </remarks>
    public static List<(int Pool, double Mw)>[] Split(PlanningModel model, int[][] eligible, double[][] classFlows, double[] poolCapacity, List<(int Pool, double Mw)>[] previous)
    {
        var n = eligible.Length;
        var spare = (double[])poolCapacity.Clone();
        var unplaced = new double[n];
        var granted = new List<(int Pool, double Mw)>[n];
        for (var u = 0; u < n; u++)
        {
            granted[u] = [];
        }
        var classUsers = new List<(int Unit, double Mw)>?[model.ClassPools.Length];
        for (var u = 0; u < n; u++)
        {
            for (var j = 0; j < eligible[u].Length; j++)
            {
                if (classFlows[u][j] > 0)
                {
                    (classUsers[eligible[u][j]] ??= []).Add((u, classFlows[u][j]));
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
                stays.Clear();
                foreach (var (pool, mw) in previous[users[u].Unit])
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
                    if (left <= Dust * users[u].Mw)
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
                    granted[users[u].Unit].Add((p, grant));
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
                    if (remaining[u] <= Dust * users[u].Mw)
                    {
                        break;
                    }
                    var take = Math.Min(remaining[u], spare[p]);
                    if (take > 0)
                    {
                        granted[users[u].Unit].Add((p, take));
                        spare[p] -= take;
                        remaining[u] -= take;
                    }
                }
                if (remaining[u] > 0)
                {
                    unplaced[users[u].Unit] += remaining[u];
                }
            }
        }
        // MW a class could not hold because its flow was a hair above its pools (a class shared with a 100 GW contract
        // carries that contract's rounding, about 1e-11 MW) go to any other pool the unit may use that has room, so a
        // 0.001 MW contract does not lose 1e-9 of its commitment to rounding it never caused.
        for (var u = 0; u < n; u++)
        {
            foreach (var k in eligible[u])
            {
                foreach (var p in model.ClassPools[k])
                {
                    var take = Math.Min(unplaced[u], spare[p]);
                    if (take > 0)
                    {
                        granted[u].Add((p, take));
                        spare[p] -= take;
                        unplaced[u] -= take;
                    }
                }
            }
        }
        // A unit may get a pool twice (a stay, then more); merge into one row per pool.
        for (var u = 0; u < n; u++)
        {
            var rows = granted[u];
            rows.Sort(static (a, b) => a.Pool.CompareTo(b.Pool));
            var merged = new List<(int Pool, double Mw)>(rows.Count);
            foreach (var row in rows)
            {
                if (merged.Count > 0 && merged[^1].Pool == row.Pool)
                {
                    merged[^1] = (row.Pool, merged[^1].Mw + row.Mw);
                }
                else
                {
                    merged.Add(row);
                }
            }
            granted[u] = merged;
        }
        return granted;
    }
}

/// <summary>MW of one contract in one pool.</summary>
/// <param name="Contract">Model index of the contract.</param>
/// <param name="Pool">Model index of the pool.</param>
/// <param name="Mw">Megawatts, positive.</param>
internal readonly record struct PoolMw(int Contract, int Pool, double Mw);
