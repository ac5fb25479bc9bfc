namespace Quartermaster.Planning;

/// <summary>
/// The production planner: per month, progressive filling by parametric max-flow on pool classes
/// (<see cref="ProgressiveFilling"/>), then routing onto classes and pools that keeps contracts where they
/// were last month and prefers lower opex. Remembers the fair MW of each month of its last plan, so
/// re-planning a changed book recomputes only the months whose inputs changed.
/// </summary>
/// <remarks>Not thread-safe: one instance per caller. Months are solved in parallel internally.</remarks>
public sealed class FlowPlanner : IPlanner
{
    private Dictionary<Month, (FillProblem Problem, double[] Allocated)> _memory = [];

    /// <summary>Months of the last <see cref="Allocate"/> whose fair MW was reused from the plan before.</summary>
    public int MonthsReused { get; private set; }

    /// <inheritdoc/>
    public Plan Allocate(Book book, AllocationPolicy policy)
    {
        var model = PlanningModel.Compile(book, policy);
        var months = book.Horizon.Months().ToArray();
        var capacities = new double[months.Length][];
        var problems = new FillProblem[months.Length];
        var fair = new double[months.Length][];
        var reused = 0;
        Parallel.For(0, months.Length, t =>
        {
            capacities[t] = new double[model.Pools.Length];
            for (var p = 0; p < model.Pools.Length; p++)
            {
                capacities[t][p] = model.PoolCapacityMw(p, months[t]);
            }
            problems[t] = FillProblem.Of(model, months[t], capacities[t]);
            if (_memory.TryGetValue(months[t], out var before) && before.Problem.SameInputs(problems[t]))
            {
                fair[t] = before.Allocated;
                Interlocked.Increment(ref reused);
            }
            else
            {
                fair[t] = ProgressiveFilling.Solve(problems[t]);
            }
        });

        var result = new List<MonthAllocation>(months.Length);
        var previous = new Dictionary<int, double>?[model.Contracts.Length];
        for (var t = 0; t < months.Length; t++)
        {
            var problem = problems[t];
            var lastMonthClasses = new double[problem.Demand.Length][];
            for (var i = 0; i < lastMonthClasses.Length; i++)
            {
                var eligible = problem.Eligible[i];
                lastMonthClasses[i] = new double[eligible.Length];
                if (previous[problem.Contract[i]] is { } before)
                {
                    foreach (var (pool, mw) in before)
                    {
                        var j = Array.IndexOf(eligible, model.PoolClass[pool]);
                        if (j >= 0)
                        {
                            lastMonthClasses[i][j] += mw;
                        }
                    }
                }
            }
            var classFlows = ClassRouting.Route(problem, fair[t], lastMonthClasses);
            var pools = PoolSplit.Split(model, problem, classFlows, capacities[t], previous);
            result.Add(new MonthAllocation(months[t], capacities[t], pools));
            previous = new Dictionary<int, double>?[model.Contracts.Length];
            foreach (var (c, p, mw) in pools)
            {
                (previous[c] ??= [])[p] = mw;
            }
        }
        _memory = months.Select((m, t) => (m, t)).ToDictionary(x => x.m, x => (problems[x.t], fair[x.t]));
        MonthsReused = reused;
        return PlanBuilder.Build(model, result);
    }
}
