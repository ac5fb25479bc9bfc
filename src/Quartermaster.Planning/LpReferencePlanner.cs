using Google.OrTools.LinearSolver;

namespace Quartermaster.Planning;

/// <summary>
/// The reference planner: progressive filling as a sequence of linear programs in Google OR-Tools GLOP,
/// on chip pools directly (no classes, no max-flow). Slow and plainly right; tests and the benchmark
/// compare <see cref="FlowPlanner"/> with it.
/// </summary>
/// <remarks>
/// Per level: maximise t subject to pool capacities, frozen contracts at their MW, and active contracts at
/// least a_i t (a_i = weight_i * committed_i, weight 1 unless <c>weighted</c>), t at most the level where an
/// active contract reaches fill 1. Then find who cannot rise with t held at t*: maximise the total MW of a
/// candidate set U; those that rise above a_i t* are removed from U; when the maximum adds nothing, no contract
/// of U can rise alone, and U freezes at t* (with contracts reaching fill 1, and under pro-rata their
/// eligibility components). Tiers (revenue-max, favour-stakes) are filled one after the other.
/// It keeps no preference for last month's sites or cheaper opex: its pool split is whatever GLOP returns.
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
            result.Add(new MonthAllocation(month, capacity, SolveMonth(model, month, capacity)));
        }
        return PlanBuilder.Build(model, result);
    }

    private static List<PoolMw> SolveMonth(PlanningModel model, Month month, double[] capacity)
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
                var level = Solve(capacity, pools, state, allocated, slope, problem.Demand, (0, top), _ => true).Level;
                var freeze = active.Where(i => problem.Demand[i] <= slope[i] * level * (1 + 1e-9)).ToHashSet();
                var candidates = active.Where(i => !freeze.Contains(i)).ToHashSet();
                while (candidates.Count > 0)
                {
                    var mw = Solve(capacity, pools, state, allocated, slope, problem.Demand, (level, level), candidates.Contains).Mw;
                    var rising = candidates.Where(i => mw[i] > (slope[i] * level) + (1e-7 * Math.Max(1, problem.Demand[i]))).ToList();
                    if (rising.Count == 0)
                    {
                        freeze.UnionWith(candidates);
                        break;
                    }
                    candidates.ExceptWith(rising);
                }
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

        // Final LP: place the frozen MW (at most, as GLOP's level carries its own tolerance).
        var placed = Solve(capacity, pools, state, allocated, slope, problem.Demand, (0, 0), _ => true, final: true).Pools;
        return [.. Enumerable.Range(0, n).SelectMany(i => pools[i].Select((p, j) => new PoolMw(problem.Contract[i], p, placed[i][j])))
            .Where(x => x.Mw > 1e-12)];
    }

    private static (double Level, double[] Mw, double[][] Pools) Solve(
        double[] capacity, int[][] pools, Stage[] state, double[] allocated, double[] slope, double[] demand,
        (double Low, double High) level, Func<int, bool> maximise, bool final = false)
    {
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("OR-Tools GLOP is not available");
        var n = pools.Length;
        var t = solver.MakeNumVar(level.Low, level.High, "t");
        var x = new Variable[n][];
        var poolUse = new Dictionary<int, Constraint>();
        var objective = solver.Objective();
        for (var i = 0; i < n; i++)
        {
            x[i] = new Variable[pools[i].Length];
            var upper = state[i] switch
            {
                Stage.Frozen => allocated[i],
                Stage.Active => demand[i],
                _ => 0,
            };
            var total = final || state[i] != Stage.Frozen ? solver.MakeConstraint(0, upper) : solver.MakeConstraint(allocated[i], allocated[i]);
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
                if (final || (level.Low == level.High && state[i] == Stage.Active && maximise(i)))
                {
                    objective.SetCoefficient(x[i][j], 1);
                }
            }
            if (!final && state[i] == Stage.Active)
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
        if (!final && level.Low != level.High)
        {
            objective.SetCoefficient(t, 1);
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
