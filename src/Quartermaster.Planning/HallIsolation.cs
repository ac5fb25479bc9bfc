using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning;

/// <summary>
/// The <c>dedicated-hall</c> rule: a dedicated-hall contract never shares a hall with a rival tenant (same rivalry
/// group, another tenant). Enforced exactly, month by month, only where the rule can bind.
/// </summary>
/// <remarks>
/// <para>
/// Isolation only removes placements, so the max-min shares computed without it are an upper bound on what any
/// isolated plan can give, lexicographically. <see cref="Place"/> asks a mixed-integer program (OR-Tools SCIP) to
/// place exactly those shares hall by hall: binary y[tenant, site, hall] reserves a hall for a tenant with
/// dedicated-hall contracts (at most one tenant per rivalry group per hall); that tenant's dedicated contracts
/// go only into its reserved halls, its rivals' contracts never do, everyone else may use any hall. A pool's
/// MW at a site with halls is split evenly across them. When the shares fit, the plan is isolated and optimal.
/// </para>
/// <para>
/// When they do not fit, isolation binds the fairness, and <see cref="Fill"/> runs progressive filling on the same
/// program: per level one MIP maximises the common level, then MIPs on a shrinking candidate set find the contracts
/// that cannot rise above it without another falling below, which freeze. The result is the lexicographic max-min
/// (by the policy's tiers, weights and components) over isolated placements. Non-convexity adds one case the LP
/// never meets: every contract can rise alone but not all together; then the first in canonical order freezes.
/// </para>
/// <para>
/// Every order in the programs is canonical (<see cref="FillProblem"/>'s order of contracts; tenants by their first
/// contract in it), never by id, so renaming gives the same programs and SCIP the same placement. Months planned
/// hall by hall do not apply the stay-where-you-were and lower-opex preferences.
/// </para>
/// </remarks>
internal static class HallIsolation
{
    /// <summary>Relative shortfall of placed MW below the shares at which <see cref="Place"/> says they do not fit.</summary>
    private const double Tolerance = 1e-7;

    /// <summary>
    /// Relative slack on fills held from an earlier program: SCIP's feasibility tolerance (set to 1e-9 of a scaled
    /// row), no more, since every unit of slack is MW another contract could take and appear to rise.
    /// </summary>
    private const double Slack = 1e-9;

    /// <summary>Relative rise above its share at which a contract counts as able to rise (well above the slack).</summary>
    private const double Rise = 1e-6;

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

    /// <summary>
    /// Plans a month where isolation applies. First the fair shares as <paramref name="placeRest"/> places them without
    /// isolation, split hall by hall site by site (<see cref="SplitIntoHalls"/>); when that placement cannot be split,
    /// the contracts isolation concerns (see <see cref="Concerned"/>) hall by hall at their fair shares when those fit
    /// (<see cref="Place"/>, first with isolated contracts kept to the sites the flow placement chose) and otherwise by
    /// <see cref="Fill"/>, and every other contract at its fair share by <paramref name="placeRest"/>. All three give
    /// the lexicographic max-min under isolation: the first two place the shares computed without it, an upper bound.
    /// </summary>
    public static MonthAllocation PlanMonth(PlanningModel model, FillProblem problem, double[] fair, double[] poolCapacity, Month month, Func<double[], MonthAllocation> placeRest)
    {
        // Most months the placement without isolation can be split into halls as it stands: a small program per site
        // instead of one over the whole book, and the flow planner's preferences (stay, lower opex) are kept.
        var unisolated = placeRest(fair);
        if (SplitIntoHalls(model, problem, fair, unisolated) is { } split)
        {
            return unisolated with { Halls = split };
        }
        var concerned = Concerned(model, problem, poolCapacity);
        // Next, the same shares with isolated contracts kept to the sites the flow placement chose for them: hall by
        // hall only there, so a far smaller program than one with halls at every site they could use.
        var halls = Place(model, problem, fair, poolCapacity, month, concerned, unisolated.Pools.Where(r => model.Rivals[r.Contract].Length > 0).Select(r => model.Pools[r.Pool].SiteIndex).ToHashSet())
            ?? Place(model, problem, fair, poolCapacity, month, concerned)
            ?? Fill(model, problem, poolCapacity, month, concerned);
        var rest = placeRest([.. fair.Select((mw, i) => concerned[i] ? 0 : mw)]);
        var rows = rest.Pools.Concat(halls.Pools).ToList();
        rows.Sort(static (a, b) => a.Contract != b.Contract ? a.Contract.CompareTo(b.Contract) : a.Pool.CompareTo(b.Pool));
        var shapes = rest.Shapes;
        if (shapes is not null)
        {
            shapes = (PoolShare[]?[])shapes.Clone();
            foreach (var group in halls.Pools.GroupBy(r => r.Contract))
            {
                shapes[group.Key] = PoolShare.ShapeOf([.. group]);
            }
        }
        return new MonthAllocation(month, poolCapacity, rows, halls.Halls, shapes);
    }

    /// <summary>
    /// Splits <paramref name="placed"/> (MW per contract and pool, fair shares placed without isolation) hall by hall at
    /// every site where an isolated contract (dedicated-hall, with a rival that has MW this month) and a rival both have MW, keeping it in
    /// halls reserved for its tenant and its rivals out of them; null when some site's MW cannot be split that way.
    /// </summary>
    /// <remarks>
    /// One small feasibility program per site: the placement at other sites is untouched, and a site with no
    /// isolated contract needs no halls. Contracts and tenants enter in the problem's canonical order, never by id.
    /// </remarks>
    private static List<HallMw>? SplitIntoHalls(PlanningModel model, FillProblem problem, double[] fair, MonthAllocation placed)
    {
        var order = new int[model.Contracts.Length];
        Array.Fill(order, int.MaxValue);
        for (var i = 0; i < problem.Contract.Length; i++)
        {
            order[problem.Contract[i]] = i;
        }
        var present = Enumerable.Range(0, fair.Length).Where(i => fair[i] > 0).Select(i => problem.Contract[i]).ToHashSet();
        var isolated = present.Where(c => model.Rivals[c].Any(present.Contains)).ToHashSet();
        var halls = new List<HallMw>();
        foreach (var site in placed.Pools.GroupBy(r => model.Pools[r.Pool].SiteIndex).OrderBy(g => g.Key))
        {
            var rows = site.Where(r => r.Mw > 0).OrderBy(r => order[r.Contract]).ThenBy(r => r.Pool).ToList();
            // Isolation constrains a site only where an isolated contract and one of its rivals both have MW.
            if (!rows.Any(r => isolated.Contains(r.Contract) && rows.Any(o => model.Rivals[r.Contract].Contains(o.Contract))))
            {
                continue;
            }
            var split = SplitSite(model, rows, isolated, order, placed.PoolCapacity, model.Sites[site.Key].Halls);
            if (split is null)
            {
                return null;
            }
            halls.AddRange(split);
        }
        halls.Sort(static (a, b) => a.Contract != b.Contract ? a.Contract.CompareTo(b.Contract) : a.Pool != b.Pool ? a.Pool.CompareTo(b.Pool) : a.Hall.CompareTo(b.Hall));
        return halls;
    }

    /// <summary>
    /// The hall split of one site's rows (see <see cref="SplitIntoHalls"/>): s[row, hall] is the share of the row's MW
    /// in the hall (each row's shares sum to 1), a pool-hall row holds at most the pool's MW over the halls, and binary
    /// y[tenant, hall] reserves a hall for an isolated tenant (at most one tenant per rivalry group per hall).
    /// </summary>
    private static List<HallMw>? SplitSite(PlanningModel model, List<PoolMw> rows, HashSet<int> isolated, int[] order, double[] capacity, int hallCount)
    {
        using var solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP is not available");
        solver.SuppressOutput();
        var tenants = rows.Where(r => isolated.Contains(r.Contract)).Select(r => r.Contract).Distinct().OrderBy(c => order[c])
            .Select(c => model.Contracts[c].Tenant).Distinct(StringComparer.Ordinal).ToList();
        var groupOf = tenants.ToDictionary(t => t, t => model.Group[rows.First(r => model.Contracts[r.Contract].Tenant == t && isolated.Contains(r.Contract)).Contract]!, StringComparer.Ordinal);
        var reserved = new Dictionary<(string Tenant, int Hall), Variable>();
        for (var h = 0; h < hallCount; h++)
        {
            foreach (var group in tenants.GroupBy(t => groupOf[t]))
            {
                var oneTenant = solver.MakeConstraint(0, 1);
                foreach (var tenant in group)
                {
                    var y = solver.MakeBoolVar("");
                    reserved[(tenant, h)] = y;
                    oneTenant.SetCoefficient(y, 1);
                }
            }
        }
        var hallRows = new Dictionary<(int Pool, int Hall), Constraint>();
        var shares = new Variable[rows.Count, hallCount];
        for (var r = 0; r < rows.Count; r++)
        {
            var (contract, pool, mw) = rows[r];
            var hallMw = capacity[pool] / hallCount;
            var tenant = model.Contracts[contract].Tenant;
            var rivals = tenants.Where(t => t != tenant && groupOf[t] == model.Group[contract]).ToList();
            // Every MW of the row is placed, to the solver's tolerance (the flow placement may fill a pool exactly).
            var whole = solver.MakeConstraint(1 - 1e-9, 1);
            for (var h = 0; h < hallCount; h++)
            {
                var share = solver.MakeNumVar(0, Math.Min(1, hallMw / mw), "");
                shares[r, h] = share;
                whole.SetCoefficient(share, 1);
                if (!hallRows.TryGetValue((pool, h), out var row))
                {
                    row = solver.MakeConstraint(0, 1);
                    hallRows[(pool, h)] = row;
                }
                row.SetCoefficient(share, mw / hallMw);
                if (isolated.Contains(contract))
                {
                    var own = solver.MakeConstraint(double.NegativeInfinity, 0);
                    own.SetCoefficient(share, 1);
                    own.SetCoefficient(reserved[(tenant, h)], -1);
                }
                foreach (var rival in rivals)
                {
                    var away = solver.MakeConstraint(double.NegativeInfinity, 1);
                    away.SetCoefficient(share, 1);
                    away.SetCoefficient(reserved[(rival, h)], 1);
                }
            }
        }
        solver.SetSolverSpecificParametersAsString("numerics/feastol = 1e-9\n");
        if (solver.Solve() is not (Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE))
        {
            return null;
        }
        var split = new List<HallMw>();
        for (var r = 0; r < rows.Count; r++)
        {
            var values = Enumerable.Range(0, hallCount).Select(h => Math.Max(0, shares[r, h].SolutionValue())).ToArray();
            var sum = values.Sum();
            for (var h = 0; h < hallCount; h++)
            {
                // Shares are normalised so the halls hold exactly the row's MW, as the pool rows say.
                var mw = rows[r].Mw * values[h] / sum;
                if (mw > 1e-9 * rows[r].Mw)
                {
                    split.Add(new HallMw(rows[r].Contract, rows[r].Pool, h, mw));
                }
            }
        }
        return split;
    }

    /// <summary>
    /// The contracts (problem indices) the hall question concerns: those linked, by classes they may both use, to a
    /// contract that may use a site where a dedicated-hall contract with a rival may go. The others share neither a
    /// pool nor a hall with them, so their fair shares and placement stand as the flow planner made them.
    /// </summary>
    private static bool[] Concerned(PlanningModel model, FillProblem problem, double[] poolCapacity)
    {
        var n = problem.Demand.Length;
        var present = problem.Contract.ToHashSet();
        int[] Sites(int i) => [.. problem.Eligible[i].SelectMany(k => model.ClassPools[k]).Where(p => poolCapacity[p] > 0).Select(p => model.Pools[p].SiteIndex).Distinct()];
        var hallSites = Enumerable.Range(0, n)
            .Where(i => model.Contracts[problem.Contract[i]].Isolation == Isolation.DedicatedHall && model.Rivals[problem.Contract[i]].Any(present.Contains))
            .SelectMany(Sites).ToHashSet();
        var component = EligibilityComponents.Label(problem.Eligible, problem.ClassCapacity);
        var touched = Enumerable.Range(0, n).Where(i => Sites(i).Any(hallSites.Contains)).Select(i => component[i]).ToHashSet();
        return [.. Enumerable.Range(0, n).Select(i => touched.Contains(component[i]))];
    }

    /// <summary>
    /// Places the shares <paramref name="fair"/> (MW per contract of <paramref name="problem"/>) hall by hall, keeping
    /// every dedicated-hall contract away from its rivals; null when they do not fit (isolation binds the fairness).
    /// </summary>
    /// <remarks><paramref name="isolatedSites"/>, when given, keeps isolated contracts to those sites (a restriction
    /// that can only make the shares not fit); null lets them use every site they are eligible for.</remarks>
    public static MonthAllocation? Place(PlanningModel model, FillProblem problem, double[] fair, double[] poolCapacity, Month month, bool[] concerned, HashSet<int>? isolatedSites = null)
    {
        var fill = fair.Select((mw, i) => mw / problem.Demand[i]).ToArray();
        var present = fair.Select((mw, i) => mw > 0 && concerned[i]).ToArray();
        using var mip = new HallMip(model, problem, poolCapacity, present, isolatedSites);
        for (var i = 0; i < fair.Length; i++)
        {
            if (present[i])
            {
                mip.Total[i].SetBounds(0, fill[i]);
                mip.AddToObjective(i, 1);
            }
        }
        mip.Solve(month, true);
        var placed = Enumerable.Range(0, fair.Length).Where(i => present[i]).Sum(i => mip.Fill(i) * problem.Demand[i]);
        var wanted = Enumerable.Range(0, fair.Length).Where(i => present[i]).Sum(i => fair[i]);
        if (placed < wanted - (Tolerance * Math.Max(1e-3, wanted)))
        {
            return null;
        }
        return mip.Allocation(month);
    }

    /// <summary>
    /// Plans the month by progressive filling over isolated placements (see the class): the lexicographic max-min
    /// of the policy with no dedicated-hall contract in a hall with a rival.
    /// </summary>
    public static MonthAllocation Fill(PlanningModel model, FillProblem problem, double[] poolCapacity, Month month, bool[] concerned)
    {
        var n = problem.Demand.Length;
        var fill = new double[n];
        var state = new byte[n];
        const byte Active = 1, Frozen = 2;
        var component = problem.FreezesComponents ? EligibilityComponents.Label(problem.Eligible, problem.ClassCapacity) : null;
        var present = concerned;

        // Each program is solved with the least slack on held fills that SCIP finds feasible: a level found by one
        // program is feasible to SCIP's tolerance, which the next may read as infeasibility. The last attempt drops
        // the held fills' lower bounds altogether (always feasible), so a month is never refused for rounding.
        HallMip Solved(double level, double top, Action<HallMip> complete)
        {
            foreach (var slack in (double[])[Slack, 1e-7, 1e-5, 1])
            {
                var mip = Build(level, top, slack);
                complete(mip);
                if (mip.Solve(month, slack >= 1))
                {
                    return mip;
                }
                mip.Dispose();
            }
            throw new InvalidOperationException("unreachable: the last attempt throws");
        }

        HallMip Build(double level, double top, double slack)
        {
            var mip = new HallMip(model, problem, poolCapacity, present);
            for (var i = 0; i < n; i++)
            {
                switch (state[i])
                {
                    case Frozen:
                        mip.Total[i].SetBounds(fill[i] * (1 - slack), fill[i]);
                        break;
                    case Active:
                        mip.Total[i].SetBounds(Math.Min(1, problem.Slope[i] * level) * (1 - slack), 1);
                        break;
                    default:
                        mip.Total[i].SetBounds(0, 0);
                        break;
                }
            }
            return mip;
        }

        foreach (var tier in problem.Tier.Distinct().Order())
        {
            for (var i = 0; i < n; i++)
            {
                if (problem.Tier[i] == tier && concerned[i])
                {
                    state[i] = Active;
                }
            }
            while (state.Contains(Active))
            {
                var active = Enumerable.Range(0, n).Where(i => state[i] == Active).ToArray();
                var top = active.Min(i => 1 / problem.Slope[i]);
                double level;
                Variable? tau = null;
                using (Solved(0, top, mip =>
                {
                    tau = mip.Solver.MakeNumVar(0, top, "tau");
                    foreach (var i in active)
                    {
                        // fill_i >= slope_i * tau: every active contract keeps up with the level.
                        var keepUp = mip.Solver.MakeConstraint(0, double.PositiveInfinity);
                        mip.AddTo(keepUp, i);
                        keepUp.SetCoefficient(tau, -problem.Slope[i]);
                    }
                    mip.Solver.Objective().SetCoefficient(tau, 1);
                }))
                {
                    // SCIP may return a level a rounding below 0; a negative fill would make the next program infeasible.
                    level = Math.Max(0, tau!.SolutionValue());
                }
                var candidates = active.ToList();
                while (candidates.Count > 0)
                {
                    using var mip = Solved(level, top, m =>
                    {
                        foreach (var i in candidates)
                        {
                            m.AddToObjective(i, 1);
                        }
                    });
                    var rising = candidates.Where(i => mip.Fill(i) > (Math.Min(1, problem.Slope[i] * level) * (1 + Rise)) + 1e-9).ToList();
                    if (rising.Count == 0)
                    {
                        break;
                    }
                    candidates.RemoveAll(rising.Contains);
                }
                var freeze = candidates.Count > 0 ? candidates.ToHashSet() : [active[0]];
                freeze.UnionWith(active.Where(i => problem.Slope[i] * level >= 1 - 1e-9));
                if (component is not null)
                {
                    freeze.UnionWith(active.Where(j => freeze.Any(i => component[i] == component[j])));
                }
                foreach (var i in freeze)
                {
                    fill[i] = Math.Clamp(problem.Slope[i] * level, 0, 1);
                    state[i] = Frozen;
                }
            }
        }

        using var final = Solved(0, 0, m =>
        {
            for (var i = 0; i < n; i++)
            {
                m.AddToObjective(i, 1);
            }
        });
        // Frozen fills that are feasible only to SCIP's tolerance leave one contract a sliver short; every contract is
        // brought down to the same fraction of its fill, so contracts at one level stay at exactly one level.
        var reached = Enumerable.Range(0, n).Where(i => fill[i] > 0).Select(i => final.Fill(i) / fill[i]).DefaultIfEmpty(1).Min();
        return final.Allocation(month, [.. Enumerable.Range(0, n).Select(i => fill[i] > 0 ? Math.Min(1, fill[i] * reached / final.Fill(i)) : 1)]);
    }

    /// <summary>
    /// The isolation program of one month: x[i, pool, hall] is the share of contract i's commitment placed there
    /// (so every contract's row is on the scale of 1, whatever its MW), a pool-hall row is divided by its MW, and
    /// Total[i] is contract i's fill, whose bounds the caller sets.
    /// </summary>
    private sealed class HallMip : IDisposable
    {
        private readonly FillProblem _problem;
        private readonly double[] _capacity;
        private readonly List<(int I, int Pool, int Hall, Variable Share)> _x = [];
        private readonly List<Variable>[] _of;

        public HallMip(PlanningModel model, FillProblem problem, double[] capacity, bool[] present, HashSet<int>? isolatedSites = null)
        {
            _problem = problem;
            _capacity = capacity;
            Solver = Solver.CreateSolver("SCIP") ?? throw new InvalidOperationException("OR-Tools SCIP is not available");
            Solver.SuppressOutput();
            var n = problem.Demand.Length;
            int[] Pools(int i) => [.. problem.Eligible[i].SelectMany(k => model.ClassPools[k]).Where(p => capacity[p] > 0).Order()];
            var presentContracts = Enumerable.Range(0, n).Where(i => present[i]).Select(i => problem.Contract[i]).ToHashSet();

            // Contracts whose dedicated halls matter (a rival takes part), their tenants and the sites they could use.
            var isolated = Enumerable.Range(0, n)
                .Where(i => present[i] && model.Contracts[problem.Contract[i]].Isolation == Isolation.DedicatedHall && model.Rivals[problem.Contract[i]].Any(presentContracts.Contains))
                .ToHashSet();
            var tenantOf = Enumerable.Range(0, n).Select(i => model.Contracts[problem.Contract[i]].Tenant).ToArray();
            // Tenants in the canonical order of their first contract, never by name.
            var tenants = isolated.Order().Select(i => tenantOf[i]).Distinct(StringComparer.Ordinal).ToList();
            var groupOf = tenants.ToDictionary(t => t, t => model.Group[problem.Contract[Array.IndexOf(tenantOf, t)]]!, StringComparer.Ordinal);
            int[] IsolatedPools(int i) => isolatedSites is null ? Pools(i) : [.. Pools(i).Where(p => isolatedSites.Contains(model.Pools[p].SiteIndex))];
            var hallSites = isolated.SelectMany(IsolatedPools).Select(p => model.Pools[p].SiteIndex).ToHashSet();

            var reserved = new Dictionary<(string Tenant, int Site, int Hall), Variable>();
            foreach (var site in hallSites.Order())
            {
                for (var h = 0; h < model.Sites[site].Halls; h++)
                {
                    foreach (var group in tenants.GroupBy(t => groupOf[t]))
                    {
                        var oneTenant = Solver.MakeConstraint(0, 1);
                        foreach (var tenant in group)
                        {
                            var y = Solver.MakeBoolVar("");
                            reserved[(tenant, site, h)] = y;
                            oneTenant.SetCoefficient(y, 1);
                        }
                    }
                }
            }

            Total = new Constraint[n];
            _of = new List<Variable>[n];
            var rows = new Dictionary<(int Pool, int Hall), Constraint>();
            for (var i = 0; i < n; i++)
            {
                Total[i] = Solver.MakeConstraint(0, 0);
                _of[i] = [];
                if (!present[i])
                {
                    continue;
                }
                var rivalTenants = tenants.Where(t => t != tenantOf[i] && groupOf[t] == model.Group[problem.Contract[i]]).ToList();
                foreach (var p in isolated.Contains(i) ? IsolatedPools(i) : Pools(i))
                {
                    var site = model.Pools[p].SiteIndex;
                    var hallCount = hallSites.Contains(site) ? model.Sites[site].Halls : 1;
                    var hallMw = capacity[p] / hallCount;
                    // The most of the contract's commitment one hall of the pool can hold.
                    var most = Math.Min(1, hallMw / problem.Demand[i]);
                    for (var h = 0; h < hallCount; h++)
                    {
                        var share = Solver.MakeNumVar(0, most, "");
                        _x.Add((i, p, hallSites.Contains(site) ? h : -1, share));
                        _of[i].Add(share);
                        Total[i].SetCoefficient(share, 1);
                        if (!rows.TryGetValue((p, h), out var row))
                        {
                            row = Solver.MakeConstraint(0, 1);
                            rows[(p, h)] = row;
                        }
                        row.SetCoefficient(share, problem.Demand[i] / hallMw);
                        if (!hallSites.Contains(site))
                        {
                            continue;
                        }
                        if (isolated.Contains(i))
                        {
                            // Only in halls reserved for its own tenant: share <= most * y.
                            var own = Solver.MakeConstraint(double.NegativeInfinity, 0);
                            own.SetCoefficient(share, 1);
                            own.SetCoefficient(reserved[(tenantOf[i], site, h)], -most);
                        }
                        foreach (var rival in rivalTenants)
                        {
                            // Never in a hall reserved for a rival: share <= most * (1 - y_rival).
                            var away = Solver.MakeConstraint(double.NegativeInfinity, most);
                            away.SetCoefficient(share, 1);
                            away.SetCoefficient(reserved[(rival, site, h)], most);
                        }
                    }
                }
            }
            Solver.Objective().SetMaximization();
        }

        public Solver Solver { get; }

        /// <summary>Contract i's fill: the sum of its shares; the caller sets its bounds.</summary>
        public Constraint[] Total { get; }

        public void AddTo(Constraint row, int i)
        {
            foreach (var v in _of[i])
            {
                row.SetCoefficient(v, 1);
            }
        }

        public void AddToObjective(int i, double weight)
        {
            foreach (var v in _of[i])
            {
                Solver.Objective().SetCoefficient(v, weight);
            }
        }

        public double Fill(int i) => _of[i].Sum(v => Math.Max(0, v.SolutionValue()));

        /// <summary>True when SCIP finds the optimum; otherwise false, or an exception when <paramref name="last"/>.</summary>
        public bool Solve(Month month, bool last)
        {
            using var parameters = new MPSolverParameters();
            parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 1e-9);
            // SCIP's default feasibility tolerance (1e-6 of a row scaled to a hall's MW) would let a hall overfill by
            // 1e-6 of itself; the rows are well scaled, so a tighter one costs nothing.
            Solver.SetSolverSpecificParametersAsString("numerics/feastol = 1e-9\n");
            var status = Solver.Solve(parameters);
            if (status == Solver.ResultStatus.OPTIMAL)
            {
                return true;
            }
            if (last)
            {
                throw new InvalidOperationException($"SCIP returned {status} on the hall-isolation program of {month}, which is always feasible");
            }
            return false;
        }

        /// <summary>
        /// The month's rows: MW per contract and pool, and per contract, pool and hall where halls are reserved; each
        /// contract's MW times its <paramref name="scale"/> (at most 1) when given.
        /// </summary>
        public MonthAllocation Allocation(Month month, double[]? scale = null)
        {
            var mw = _x.Select(v => (v.I, v.Pool, v.Hall, Mw: Math.Max(0, v.Share.SolutionValue()) * _problem.Demand[v.I] * (scale?[v.I] ?? 1))).Where(v => v.Mw > 1e-9 * _problem.Demand[v.I]).ToList();
            var halls = mw.Where(v => v.Hall >= 0)
                .Select(v => new HallMw(_problem.Contract[v.I], v.Pool, v.Hall, v.Mw))
                .OrderBy(h => h.Contract).ThenBy(h => h.Pool).ThenBy(h => h.Hall).ToList();
            var pools = mw.GroupBy(v => (Contract: _problem.Contract[v.I], v.Pool))
                .Select(g => new PoolMw(g.Key.Contract, g.Key.Pool, g.Sum(v => v.Mw)))
                .OrderBy(r => r.Contract).ThenBy(r => r.Pool).ToList();
            return new MonthAllocation(month, _capacity, pools, halls);
        }

        public void Dispose() => Solver.Dispose();
    }
}
