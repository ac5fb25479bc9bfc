using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning;

/// <summary>
/// The <c>dedicated-hall</c> rule: a dedicated-hall contract never shares a hall with a rival tenant (same rivalry
/// group, another tenant). Enforced exactly as a second stage, month by month, only where the rule can bind.
/// </summary>
/// <remarks>
/// <para>
/// Isolation only removes placements, so the max-min shares computed without it are an upper bound on what any
/// isolated plan can give, lexicographically. The second stage asks a mixed-integer program (OR-Tools SCIP) to
/// place exactly those shares hall by hall: binary y[tenant, site, hall] reserves a hall for a tenant with
/// dedicated-hall contracts (at most one tenant per rivalry group per hall); that tenant's dedicated contracts
/// go only into its reserved halls, its rivals' contracts never do, everyone else may use any hall. When the
/// shares fit, the plan is both isolated and max-min optimal under isolation.
/// </para>
/// <para>
/// When they do not fit, isolation binds the fairness itself, and the lexicographic optimum would need integer
/// choices inside progressive filling. That is not supported: the planner throws <see cref="PlanningException"/>
/// naming the month and contracts rather than return a plan that is unfair or not isolated.
/// Months planned hall by hall do not apply the stay-where-you-were and lower-opex preferences.
/// </para>
/// </remarks>
internal static class HallIsolation
{
    /// <summary>True when some dedicated-hall contract with MW this month has a rival contract with MW this month.</summary>
    public static bool Applies(PlanningModel model, FillProblem problem, double[] fair)
    {
        var active = new HashSet<int>();
        for (var i = 0; i < fair.Length; i++)
        {
            if (fair[i] > 0)
            {
                active.Add(problem.Contract[i]);
            }
        }
        return active.Any(c => model.Rivals[c].Any(active.Contains));
    }

    /// <summary>Places the shares <paramref name="fair"/> hall by hall, keeping every dedicated-hall contract away from its rivals.</summary>
    /// <exception cref="PlanningException">The shares cannot be placed with isolation (the rule binds the fairness).</exception>
    public static MonthAllocation Place(PlanningModel model, FillProblem problem, double[] fair, double[] poolCapacity, Month month)
    {
        var n = fair.Length;
        var position = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (fair[i] > 0)
            {
                position[problem.Contract[i]] = i;
            }
        }
        int[] Pools(int i) => [.. problem.Eligible[i].SelectMany(k => model.ClassPools[k]).Where(p => poolCapacity[p] > 0).Order()];

        // Tenants whose dedicated contracts have an active rival, and the sites where those contracts could go.
        var isolated = position.Keys.Where(c => model.Contracts[c].Isolation == Isolation.DedicatedHall && model.Rivals[c].Any(position.ContainsKey))
            .ToList();
        var groupOf = isolated.GroupBy(c => model.Contracts[c].Tenant).ToDictionary(g => g.Key, g => model.Group[g.First()]!, StringComparer.Ordinal);
        // Tenants in the order of their first contract (contracts are sorted by id), never by tenant name: renaming
        // tenants must give the very same program, so the audit's identity-blindness check sees the same placement.
        var tenants = groupOf.Keys.OrderBy(t => Array.FindIndex(model.Contracts, c => c.Tenant == t)).ToList();
        var tenantNumber = tenants.Select((t, k) => (t, k)).ToDictionary(x => x.t, x => x.k, StringComparer.Ordinal);
        var hallSites = isolated.SelectMany(c => Pools(position[c])).Select(p => model.Pools[p].SiteIndex).ToHashSet();

        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP is not available");
        var reserved = new Dictionary<(string Tenant, int Site, int Hall), Variable>();
        foreach (var site in hallSites.Order())
        {
            for (var h = 0; h < model.Sites[site].Halls; h++)
            {
                foreach (var group in tenants.GroupBy(t => groupOf[t]).OrderBy(g => tenantNumber[g.First()]))
                {
                    var oneTenant = solver.MakeConstraint(0, 1);
                    foreach (var tenant in group)
                    {
                        var y = solver.MakeBoolVar($"y_{tenantNumber[tenant]}_{site}_{h}");
                        reserved[(tenant, site, h)] = y;
                        oneTenant.SetCoefficient(y, 1);
                    }
                }
            }
        }

        var objective = solver.Objective();
        var capacityRows = new Dictionary<(int Pool, int Hall), Constraint>();
        var x = new List<(int Contract, int Pool, int Hall, Variable Mw)>();
        foreach (var (c, i) in position.OrderBy(kv => kv.Key))
        {
            var contract = model.Contracts[c];
            var total = solver.MakeConstraint(0, fair[i]);
            var rivalTenants = tenants.Where(t => t != contract.Tenant && groupOf[t] == model.Group[c]).ToList();
            foreach (var p in Pools(i))
            {
                var site = model.Pools[p].SiteIndex;
                var hallCount = hallSites.Contains(site) ? model.Sites[site].Halls : 1;
                var hallCapacity = poolCapacity[p] / hallCount;
                for (var h = 0; h < hallCount; h++)
                {
                    var mw = solver.MakeNumVar(0, hallCapacity, $"x_{c}_{p}_{h}");
                    x.Add((c, p, hallSites.Contains(site) ? h : -1, mw));
                    total.SetCoefficient(mw, 1);
                    objective.SetCoefficient(mw, 1);
                    if (!capacityRows.TryGetValue((p, h), out var row))
                    {
                        row = solver.MakeConstraint(0, hallCapacity);
                        capacityRows[(p, h)] = row;
                    }
                    row.SetCoefficient(mw, 1);
                    if (!hallSites.Contains(site))
                    {
                        continue;
                    }
                    if (isolated.Contains(c))
                    {
                        // Only in halls reserved for its own tenant: mw <= capacity * y.
                        var own = solver.MakeConstraint(double.NegativeInfinity, 0);
                        own.SetCoefficient(mw, 1);
                        own.SetCoefficient(reserved[(contract.Tenant, site, h)], -hallCapacity);
                    }
                    foreach (var rival in rivalTenants)
                    {
                        // Never in a hall reserved for a rival: mw <= capacity * (1 - y_rival).
                        var away = solver.MakeConstraint(double.NegativeInfinity, hallCapacity);
                        away.SetCoefficient(mw, 1);
                        away.SetCoefficient(reserved[(rival, site, h)], hallCapacity);
                    }
                }
            }
        }
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"SCIP returned {status} placing hall isolation for {month}, a problem that is always feasible");
        }
        var wanted = fair.Sum();
        var placed = x.Sum(v => v.Mw.SolutionValue());
        if (placed < wanted - (1e-6 * Math.Max(1, wanted)))
        {
            var ids = string.Join(", ", isolated.Select(c => model.Contracts[c].Id));
            throw new PlanningException(
                $"in {month} dedicated-hall isolation binds: the max-min shares cannot be placed with {ids} in halls apart from their rivals " +
                $"({wanted - placed:0.###} MW would not fit); planning where isolation changes the fair shares is not supported yet");
        }

        var halls = x.Where(v => v.Hall >= 0 && v.Mw.SolutionValue() > 1e-9)
            .Select(v => new HallMw(v.Contract, v.Pool, v.Hall, v.Mw.SolutionValue()))
            .OrderBy(h => h.Contract).ThenBy(h => h.Pool).ThenBy(h => h.Hall).ToList();
        var pools = x.Where(v => v.Mw.SolutionValue() > 1e-9)
            .GroupBy(v => (v.Contract, v.Pool))
            .Select(g => new PoolMw(g.Key.Contract, g.Key.Pool, g.Sum(v => v.Mw.SolutionValue())))
            .OrderBy(r => r.Contract).ThenBy(r => r.Pool).ToList();
        return new MonthAllocation(month, poolCapacity, pools, halls);
    }
}
