using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning;

/// <summary>
/// The reference planner: progressive filling as a sequence of linear programs in Google OR-Tools GLOP,
/// on chip pools directly (no classes, no max-flow). Slow and plainly right; tests and the benchmark
/// compare <see cref="FlowPlanner"/> with it.
/// </summary>
/// <remarks>
/// Per level, one LP maximises t subject to pool capacities, frozen contracts at their MW, active contracts at
/// least a_i t (a_i = weight_i * committed_i, weight 1 unless <c>weighted</c>) and t at most the level where an
/// active contract reaches fill 1; with t at its maximum, the same LP also maximises the total MW of a candidate
/// set U (at first every active contract). Candidates above a_i t can rise and leave U; when none rises, no
/// contract of U can rise alone, and U freezes at t (with contracts reaching fill 1, and under pro-rata their
/// eligibility components). Tiers (revenue-max, favour-stakes) are filled one after the other.
/// It keeps no preference for last month's sites or cheaper opex: its pool split is whatever GLOP returns.
/// Dedicated-hall isolation uses the same exact second stage as the production planner (see <c>HallIsolation</c>).
/// </remarks>
public sealed class LpReferencePlanner : IPlanner
{
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
        var slope = Enumerable.Range(0, n).Select(i => problem.Slope[i] * problem.Demand[i]).ToArray();
        var allocated = new double[n];
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
                var top = active.Min(i => problem.Demand[i] / slope[i]);
                var candidates = active.ToHashSet();
                double level;
                while (true)
                {
                    var (t, mw, _) = Solve(capacity, pools, state, allocated, slope, problem.Demand, top, candidates.Contains);
                    level = t;
                    var rising = candidates.Where(i => mw[i] > (slope[i] * t) + (1e-7 * Math.Max(1, problem.Demand[i]))).ToList();
                    if (rising.Count == 0)
                    {
                        break;
                    }
                    candidates.ExceptWith(rising);
                }
                var freeze = candidates;
                freeze.UnionWith(active.Where(i => problem.Demand[i] <= slope[i] * level * (1 + 1e-9)));
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
                    allocated[i] = Math.Min(slope[i] * level, problem.Demand[i]);
                    state[i] = Stage.Frozen;
                }
            }
        }

        if (HallIsolation.Applies(model, problem, allocated))
        {
            return HallIsolation.Place(model, problem, allocated, capacity, month);
        }

        // Final LP: place the frozen MW (at most, as GLOP's level carries its own tolerance).
        var placed = Solve(capacity, pools, state, allocated, slope, problem.Demand, 0, _ => false).Pools;
        return new MonthAllocation(month, capacity, [.. Enumerable.Range(0, n).SelectMany(i => pools[i].Select((p, j) => new PoolMw(problem.Contract[i], p, placed[i][j])))
            .Where(x => x.Mw > 0).OrderBy(x => x.Contract).ThenBy(x => x.Pool)]);
    }

    /// <summary>
    /// One LP: maximise W_f * (MW of frozen contracts) + W * t + (MW of the candidates), with frozen contracts at most
    /// their MW, active ones at least a_i t and at most their commitment, waiting ones at 0, and t at most
    /// <paramref name="top"/>. The weights make it lexicographic: W exceeds the total slope, so no MW for candidates
    /// is worth a lower t; W_f exceeds what freed MW could add to W * t, so frozen contracts keep their MW whenever
    /// it is feasible. Optimising all three in one LP avoids carrying GLOP's error on t from one LP to the next.
    /// </summary>
    private static (double Level, double[] Mw, double[][] Pools) Solve(
        double[] capacity, int[][] pools, Stage[] state, double[] allocated, double[] slope, double[] demand, double top, Func<int, bool> candidate)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var n = pools.Length;
        var activeSlopes = Enumerable.Range(0, n).Where(i => state[i] == Stage.Active).Select(i => slope[i]).ToList();
        var w = 2 * (1 + activeSlopes.Sum());
        var frozenWeight = activeSlopes.Count == 0 ? 1 : 2 * w * (1 + (1 / activeSlopes.Min()));
        var t = solver.MakeNumVar(0, top, "t");
        var x = new Variable[n][];
        var poolUse = new Dictionary<int, Constraint>();
        var objective = solver.Objective();
        objective.SetCoefficient(t, w);
        for (var i = 0; i < n; i++)
        {
            x[i] = new Variable[pools[i].Length];
            var upper = state[i] switch
            {
                Stage.Frozen => allocated[i],
                Stage.Active => demand[i],
                _ => 0,
            };
            var total = solver.MakeConstraint(0, upper);
            var weight = state[i] == Stage.Frozen ? frozenWeight : candidate(i) ? 1 : 0;
            for (var j = 0; j < pools[i].Length; j++)
            {
                var p = pools[i][j];
                x[i][j] = solver.MakeNumVar(0, double.PositiveInfinity, $"x_{i}_{p}");
                total.SetCoefficient(x[i][j], 1);
                if (!poolUse.TryGetValue(p, out var use))
                {
                    use = solver.MakeConstraint(0, capacity[p]);
                    poolUse[p] = use;
                }
                use.SetCoefficient(x[i][j], 1);
                objective.SetCoefficient(x[i][j], weight);
            }
            if (state[i] == Stage.Active)
            {
                // sum_p x_ip - a_i t >= 0: the contract keeps up with the common level.
                var keepUp = solver.MakeConstraint(0, double.PositiveInfinity);
                keepUp.SetCoefficient(t, -slope[i]);
                foreach (var v in x[i])
                {
                    keepUp.SetCoefficient(v, 1);
                }
            }
        }
        objective.SetMaximization();
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            throw new InvalidOperationException($"GLOP returned {status} on a progressive-filling LP, which is always feasible");
        }
        var mw = new double[n];
        var byPool = new double[n][];
        for (var i = 0; i < n; i++)
        {
            byPool[i] = [.. x[i].Select(v => Math.Max(0, v.SolutionValue()))];
            mw[i] = byPool[i].Sum();
        }
        return (t.SolutionValue(), mw, byPool);
    }

    private enum Stage : byte
    {
        Waiting,
        Active,
        Frozen,
    }
}
