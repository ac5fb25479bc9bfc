using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning;

/// <summary>
/// The reference planner: progressive filling as a sequence of linear programs in Google OR-Tools GLOP,
/// on chip pools directly (no classes, no max-flow). Slow and plainly right; tests and the benchmark
/// compare <see cref="FlowPlanner"/> with it.
/// </summary>
/// <remarks>
/// <para>
/// Per level, a first LP maximises the level t subject to pool capacities, frozen contracts at their MW, active
/// contracts at least a_i t (a_i = weight_i * committed_i, weight 1 unless <c>weighted</c>) and t at most the level
/// where an active contract reaches fill 1. A second LP keeps t and maximises the fill of a candidate set U (at first
/// every active contract); candidates above their share can rise and leave U; when none rises, no contract of U can
/// rise alone, and U freezes at t (with contracts reaching fill 1, and under pro-rata their eligibility components).
/// Tiers (revenue-max, favour-stakes) are filled one after the other.
/// </para>
/// <para>
/// Every LP is scaled per problem so that 0.001 MW and 100 GW in one month, or a frozen fill of 1e-8 and one of 1,
/// are solved to GLOP's precision: a contract's variables are in units of the fill it is expected to reach, and a
/// pool's row is divided by the pool's capacity. Every decision compares fill ratios (relative to each contract's
/// commitment, to about 1e-9), never MW against a book-wide figure. Frozen contracts are held at exactly their fill,
/// so no level inherits slack from the one before.
/// </para>
/// <para>
/// It keeps no preference for last month's sites or cheaper opex: its pool split is whatever GLOP returns.
/// Dedicated-hall isolation uses the same exact stage as the production planner (see <c>HallIsolation</c>).
/// </para>
/// </remarks>
public sealed class LpReferencePlanner : IPlanner
{
    /// <summary>Relative tolerance of the reference's decisions: a fill ratio above its share by more rises.</summary>
    private const double Tolerance = 1e-7;

    /// <summary>
    /// The months to plan, or null for the whole horizon; a sample lets a benchmark time a large book and project.
    /// </summary>
    public IReadOnlyList<Month>? Months { get; init; }

    /// <inheritdoc/>
    public Plan Allocate(Book book, AllocationPolicy policy)
    {
        var model = PlanningModel.Compile(book, policy);
        var planned = Months ?? [.. book.Horizon.Months()];
        var result = new List<MonthAllocation>(planned.Count);
        foreach (var month in planned)
        {
            var capacity = new double[model.Pools.Length];
            for (var p = 0; p < capacity.Length; p++)
            {
                capacity[p] = model.PoolCapacityMw(p, month);
            }
            result.Add(SolveMonth(model, month, capacity));
        }
        return PlanBuilder.Build(model, result);
    }

    private static MonthAllocation SolveMonth(PlanningModel model, Month month, double[] capacity)
    {
        var problem = FillProblem.Of(model, month, capacity);
        var n = problem.Demand.Length;
        var pools = new int[n][];
        for (var i = 0; i < n; i++)
        {
            pools[i] = [.. problem.Eligible[i].SelectMany(k => model.ClassPools[k]).Where(p => capacity[p] > 0).Order()];
        }
        var lp = new FillLp(capacity, pools, problem.Demand, problem.Slope);
        var rounding = FillRounding(capacity, pools, problem.Demand);
        var fill = new double[n];
        var state = new Stage[n];
        var component = problem.FreezesComponents ? EligibilityComponents.Label(problem.Eligible, problem.ClassCapacity) : null;

        foreach (var tier in problem.Tier.Distinct().Order())
        {
            for (var i = 0; i < n; i++)
            {
                if (problem.Tier[i] == tier)
                {
                    state[i] = Stage.Active;
                }
            }
            while (state.Contains(Stage.Active))
            {
                var active = Enumerable.Range(0, n).Where(i => state[i] == Stage.Active).ToArray();
                // Levels are fill ratio over weight; t reaches top when the first active contract is full.
                var top = active.Min(i => 1 / problem.Slope[i]);
                var level = lp.HighestLevel(state, fill, top);
                var candidates = active.ToHashSet();
                var lowest = new HashSet<int>();
                while (candidates.Count > 0)
                {
                    // A level that is the rounding of a full pool (a fill of 1e-9 in a pool a 100 GW contract fills)
                    // can be beyond GLOP's precision to hold; the question is then asked at level 0.
                    if ((lp.MostFill(state, fill, level, top, candidates.Contains) ?? lp.MostFill(state, fill, 0, top, candidates.Contains)) is not { } reached)
                    {
                        break;
                    }
                    // Fill ratios are relative to each contract already; GLOP's own precision is about 1e-9 of one.
                    var rising = candidates.Where(i => Rises(reached[i], problem.Slope[i] * level, rounding[i])).ToList();
                    if (rising.Count == 0)
                    {
                        break;
                    }
                    // Should every candidate rise (GLOP's tolerance, or a row it had to relax, can give a blocked one a
                    // sliver, or its whole commitment when it is tiny next to a relaxed frozen one), at the highest level
                    // some set is still tight: the candidates without which the level rises, else those that rose least.
                    if (rising.Count == candidates.Count)
                    {
                        lowest = candidates.Where(j => LevelWithout(j) > (level * (1 + Tolerance)) + 1e-12).ToHashSet();
                        if (lowest.Count == 0)
                        {
                            var least = candidates.Min(i => reached[i] / problem.Slope[i]);
                            lowest = [.. candidates.Where(i => reached[i] / problem.Slope[i] <= least + (1e-9 * Math.Max(least, 1)))];
                        }
                    }
                    candidates.ExceptWith(rising);
                }
                var freeze = candidates.Count > 0 ? candidates : lowest;
                freeze.UnionWith(active.Where(i => problem.Slope[i] * level >= 1 - 1e-9));
                if (component is not null)
                {
                    freeze.UnionWith(active.Where(j => freeze.Any(i => component[i] == component[j])));
                }
                if (freeze.Count == 0)
                {
                    freeze.UnionWith(active);
                }
                foreach (var i in freeze)
                {
                    fill[i] = Math.Min(problem.Slope[i] * level, 1);
                    state[i] = Stage.Frozen;
                }

                // The highest level of the active contracts but j (j left out of the LP, as if still waiting).
                double LevelWithout(int j)
                {
                    var others = active.Where(i => i != j).ToArray();
                    if (others.Length == 0)
                    {
                        return double.PositiveInfinity;
                    }
                    var without = (Stage[])state.Clone();
                    without[j] = Stage.Waiting;
                    return lp.HighestLevel(without, fill, others.Min(i => 1 / problem.Slope[i]));
                }
            }
        }

        var allocated = Enumerable.Range(0, n).Select(i => fill[i] * problem.Demand[i]).ToArray();
        // Final LP: place the frozen fills (at most, as GLOP's level carries its own tolerance).
        MonthAllocation PlaceFills(double[] fills)
        {
            var placed = lp.Place(fills);
            return new MonthAllocation(month, capacity, [.. Enumerable.Range(0, n).SelectMany(i => pools[i].Select((p, j) => new PoolMw(problem.Contract[i], p, placed[i][j] * problem.Demand[i])))
                .Where(x => x.Mw > 0).OrderBy(x => x.Contract).ThenBy(x => x.Pool)]);
        }
        return HallIsolation.Applies(model, problem, allocated)
            ? HallIsolation.PlanMonth(model, problem, allocated, capacity, month, rest => PlaceFills([.. rest.Select((mw, i) => mw / problem.Demand[i])]))
            : PlaceFills(fill);
    }

    /// <summary>
    /// How far above its share a contract's fill can come out of GLOP by rounding alone: 1e-9 of a commitment, or 1e-9
    /// of the largest pool it may use, when that is more (see <see cref="Rises"/>). A pool's MW is known to about 1e-9 of the most it can hold
    /// (its capacity, or the commitments that may use it if they are less), and a 0.0007 MW contract in a full
    /// 54 GW pool can be handed 1e-11 MW of that rounding, a fill of 1.5e-8 (seed 3g4zGTpN1mB4); read as a rise, it let
    /// the contract pass as unblocked at a level it could not exceed, and froze its rivals instead.
    /// </summary>
    private static double[] FillRounding(double[] capacity, int[][] pools, double[] demand)
    {
        var reachable = new double[capacity.Length];
        for (var i = 0; i < pools.Length; i++)
        {
            foreach (var p in pools[i])
            {
                reachable[p] += demand[i];
            }
        }
        return [.. pools.Select((own, i) => own.Select(p => 1e-9 * Math.Min(capacity[p], reachable[p]) / demand[i]).DefaultIfEmpty(0).Max())];
    }

    /// <summary>
    /// Whether a fill GLOP reached is above the contract's share by more than <paramref name="rounding"/> can explain;
    /// a contract close to full is judged on half its headroom, or it would never be seen to rise to fill 1.
    /// </summary>
    private static bool Rises(double reached, double share, double rounding) =>
        reached > (share * (1 + Tolerance)) + Math.Max(1e-9, Math.Min(rounding, (1 - share) / 2));

    private enum Stage : byte
    {
        Waiting,
        Active,
        Frozen,
    }

    /// <summary>
    /// The LPs of one month, scaled per problem. Contract i's MW in its j-th pool is d_i * s_i * z[i][j]: z is in units
    /// of the fill s_i the contract is expected to reach (its fill when frozen, however small; its share of the level
    /// when active), so a frozen fill of 1e-8 is a row of 1, not 1e-8 against a tolerance of 1e-9. A pool row is
    /// divided by the pool's capacity. A small level is solved again in units of itself (see <see cref="HighestLevel"/>).
    /// </summary>
    private sealed class FillLp(double[] capacity, int[][] pools, double[] demand, double[] weight)
    {
        /// <summary>
        /// Relative slacks tried in turn on rows that hold a contract at a fill found by an earlier LP: none first (a
        /// slack hands MW to whoever can take it, and 1e-9 of 100 GW is 0.1 of a 0.001 MW contract's commitment), then
        /// as little as lets GLOP, which reads the rounding of a tight row as infeasibility, solve. GLOP's own precision,
        /// about 1e-9 of the largest MW in a pool, is the reference's: a contract sharing a pool with one 1e8 times its
        /// size is known to it only roughly (tests compare with that in mind). The last, 1e-7, covers GLOP's primal
        /// feasibility tolerance (1e-8 of a row scaled to 1), by which a level found earlier can overfill a pool.
        /// </summary>
        private static readonly double[] Slacks = [0, 1e-12, 1e-9, 1e-7];

        /// <summary>The highest level every active contract can reach together, frozen ones at their fill.</summary>
        /// <remarks>
        /// GLOP knows a level to about 1e-9 in absolute terms, which is nothing for a level of 0.5 and everything for
        /// one of 5e-7 (a 0.001 MW pool shared by 100 GW of contracts). A level far below its first guess is therefore
        /// solved again in units of itself (with the level and the active contracts' variables bounded by twice it, so
        /// the LP stays well scaled), until it is known to a relative 1e-9; frozen at that level, the next LPs are
        /// feasible without slack.
        /// </remarks>
        public double HighestLevel(Stage[] state, double[] fill, double top)
        {
            var scale = top;
            var bound = 1.0;
            for (var pass = 0; pass < 4; pass++)
            {
                var level = SolveLevel(state, fill, scale, bound);
                // Below 1e-12 a level is rounding of full pools: a fill ratio that small counts as 0.
                if (level < 1e-12)
                {
                    return 0;
                }
                if (level >= 0.1 * scale)
                {
                    return level;
                }
                // The true level is within GLOP's absolute precision of this one.
                scale = level + (1e-9 * top);
                bound = 2;
            }
            return SolveLevel(state, fill, scale, bound);
        }

        private double SolveLevel(Stage[] state, double[] fill, double scale, double bound)
        {
            foreach (var (engine, slack) in Attempts(Slacks))
            {
                using var solver = Build(engine, state, fill, scale, slack, bound, out _, out var share);
                var tau = solver.MakeNumVar(0, bound, "tau");
                foreach (var row in share)
                {
                    // sum_j z_ij >= tau: the contract keeps up with the level (both in units of scale).
                    row.SetCoefficient(tau, -1);
                }
                solver.Objective().SetCoefficient(tau, 1);
                solver.Objective().SetMaximization();
                if (Solve(solver))
                {
                    return tau.SolutionValue() * scale;
                }
            }
            throw Failed();
        }

        /// <summary>
        /// The fill of each contract when the candidates' total fill (each in units of its share of
        /// <paramref name="top"/>) is the most it can be with every active contract at <paramref name="level"/>; null when
        /// GLOP finds no optimum (the frozen rows are then tight beyond its precision, and no candidate can rise).
        /// </summary>
        public double[]? MostFill(Stage[] state, double[] fill, double level, double top, Func<int, bool> candidate)
        {
            // In units of top, like the fill ratios the decision compares (to 1e-9 of a commitment, GLOP's precision).
            var scale = top;
            var bound = double.PositiveInfinity;
            foreach (var (engine, slack) in Attempts(Slacks))
            {
                using var solver = Build(engine, state, fill, scale, slack, bound, out var z, out var share);
                foreach (var row in share)
                {
                    row.SetLb(level / scale * (1 - slack));
                }
                for (var i = 0; i < z.Length; i++)
                {
                    if (candidate(i))
                    {
                        foreach (var v in z[i])
                        {
                            solver.Objective().SetCoefficient(v, 1);
                        }
                    }
                }
                solver.Objective().SetMaximization();
                if (Solve(solver))
                {
                    return [.. z.Select((vars, i) => vars.Sum(v => Math.Max(0, v.SolutionValue())) * Unit(state[i], fill[i], weight[i], scale))];
                }
            }
            return null;
        }

        /// <summary>Fractions of each contract's commitment in each of its pools, placing <paramref name="fill"/>.</summary>
        public double[][] Place(double[] fill)
        {
            var state = Enumerable.Repeat(Stage.Frozen, fill.Length).ToArray();
            // Last, with no lower bound: a tiny level is known to GLOP only to about 1e-9 in absolute fill, so its
            // fills can be infeasible together by more than a relative 1e-9; then each gets the most that fits.
            foreach (var (engine, slack) in Attempts([.. Slacks, 1e-6, 1]))
            {
                using var solver = Build(engine, state, fill, 1, slack, double.PositiveInfinity, out var z, out _);
                foreach (var v in z.SelectMany(vars => vars))
                {
                    solver.Objective().SetCoefficient(v, 1);
                }
                solver.Objective().SetMaximization();
                if (Solve(solver))
                {
                    return [.. z.Select((vars, i) => vars.Length == 0 ? new double[pools[i].Length] : vars.Select(v => Math.Max(0, v.SolutionValue()) * fill[i]).ToArray())];
                }
            }
            throw Failed();
        }

        /// <summary>The fill one unit of contract i's variables stands for.</summary>
        private static double Unit(Stage state, double fill, double weight, double scale) => state switch
        {
            Stage.Frozen => fill,
            Stage.Active => weight * scale,
            _ => 0,
        };

        /// <summary>
        /// The constraints every LP shares, in units of each contract's expected fill (see the class): pool rows
        /// divided by capacity; a frozen contract's variables summing to 1 (its fill) within <paramref name="slack"/>;
        /// an active one's to at most its full commitment (and <paramref name="bound"/>), with a row sum_j z_ij >= 0 the
        /// caller completes; a waiting one (or one frozen at 0) without variables.
        /// </summary>
        private Solver Build(string engine, Stage[] state, double[] fill, double scale, double slack, double bound, out Variable[][] z, out List<Constraint> share)
        {
            var solver = Solver.CreateSolver(engine) ?? throw new InvalidOperationException($"OR-Tools {engine} is not available");
            // Solver logs would otherwise reach stdout, which carries `qm plan --reference --json`.
            solver.SuppressOutput();
            var n = pools.Length;
            z = new Variable[n][];
            share = [];
            var poolRow = new Dictionary<int, Constraint>();
            for (var i = 0; i < n; i++)
            {
                var unit = Unit(state[i], fill[i], weight[i], scale);
                if (!(unit > 0))
                {
                    z[i] = [];
                    if (state[i] == Stage.Active)
                    {
                        share.Add(solver.MakeConstraint(0, double.PositiveInfinity));
                    }
                    continue;
                }
                var total = state[i] == Stage.Frozen ? solver.MakeConstraint(1 - slack, 1) : solver.MakeConstraint(0, Math.Min(1 / unit, bound));
                var keepUp = state[i] == Stage.Active ? solver.MakeConstraint(0, double.PositiveInfinity) : null;
                z[i] = new Variable[pools[i].Length];
                for (var j = 0; j < pools[i].Length; j++)
                {
                    var p = pools[i][j];
                    z[i][j] = solver.MakeNumVar(0, double.PositiveInfinity, "");
                    total.SetCoefficient(z[i][j], 1);
                    keepUp?.SetCoefficient(z[i][j], 1);
                    if (!poolRow.TryGetValue(p, out var row))
                    {
                        row = solver.MakeConstraint(double.NegativeInfinity, 1);
                        poolRow[p] = row;
                    }
                    // A contract whose whole expected fill is under 1e-12 of a pool cannot overfill it by more, and
                    // such coefficients (next to others of 1e5) make GLOP give up on LPs that are plainly feasible.
                    var coefficient = demand[i] * unit / capacity[p];
                    if (coefficient >= 1e-12)
                    {
                        row.SetCoefficient(z[i][j], coefficient);
                    }
                }
                if (keepUp is not null)
                {
                    share.Add(keepUp);
                }
            }
            return solver;
        }

        /// <summary>
        /// The solver and slack of each attempt: for each slack in turn, GLOP, then COIN-OR CLP (another simplex code, for the
        /// rare LP whose scaling defeats GLOP).
        /// </summary>
        private static IEnumerable<(string Engine, double Slack)> Attempts(double[] slacks) =>
            slacks.SelectMany(slack => new[] { ("GLOP", slack), ("CLP", slack) });

        /// <summary>
        /// Solves without presolve, which reads rounding in a tight frozen row as infeasibility; when GLOP still reports
        /// a numerical failure, once more with presolve and then with the primal simplex. True when optimal.
        /// </summary>
        private static bool Solve(Solver solver)
        {
            foreach (var (presolve, algorithm) in new[]
            {
                (MPSolverParameters.PresolveValues.PRESOLVE_OFF, MPSolverParameters.LpAlgorithmValues.DUAL),
                (MPSolverParameters.PresolveValues.PRESOLVE_ON, MPSolverParameters.LpAlgorithmValues.DUAL),
                (MPSolverParameters.PresolveValues.PRESOLVE_OFF, MPSolverParameters.LpAlgorithmValues.PRIMAL),
            })
            {
                using var parameters = new MPSolverParameters();
                parameters.SetIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE, (int)presolve);
                parameters.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, (int)algorithm);
                if (solver.Solve(parameters) == Solver.ResultStatus.OPTIMAL)
                {
                    return true;
                }
            }
            return false;
        }

        private static InvalidOperationException Failed() =>
            new("Neither GLOP nor CLP found an optimum of a progressive-filling LP, which is always feasible, even with its rows relaxed by 1e-7");
    }
}
