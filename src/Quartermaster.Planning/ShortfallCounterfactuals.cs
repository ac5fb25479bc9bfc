namespace Quartermaster.Planning;

/// <summary>
/// Adds to each shortfall of a plan the capacity that would have filled it: MW at one pool of its bottleneck, found by
/// re-solving the month's max-min (<see cref="ProgressiveFilling"/>, the production solve) with that pool grown.
/// </summary>
/// <remarks>
/// <para>
/// Fairness is decided on pool classes (region, chip), so MW added to a pool counts as MW added to its class. For each
/// class of the bottleneck, the MW needed is bracketed by a verified upper bound (the MW the month's contracts short at
/// that class still miss, doubled until it fills the contract, at most eight times) and bisected on multiples of the
/// precision, so the answer fills the contract and one step less does not. Classes the contract may use itself come
/// first; among them the one needing the least MW; equal MW go to the class first by region then chip, and within the
/// class to the pool with the lowest opex, then (a last resort) the lowest site id.
/// </para>
/// <para>
/// Not on the stress path: it costs a dozen month solves per short contract-month, so only <c>qm plan</c>, the report
/// and the server's plan views call it. Months where a dedicated-hall contract has an active rival get no counterfactual:
/// their fair shares come from the hall-by-hall stage, which this re-solve does not run.
/// </para>
/// </remarks>
public static class ShortfallCounterfactuals
{
    /// <summary>
    /// Most short contract-months <c>qm plan</c> and <c>qm report</c> explain unless told to: each costs about a dozen month
    /// solves, seconds per thousand on a small book and minutes on a large one.
    /// </summary>
    public const int AutomaticLimit = 1000;

    /// <summary>
    /// <paramref name="plan"/> with its shortfalls explained as <see cref="Explain"/> does when it has at most
    /// <see cref="AutomaticLimit"/> of them; otherwise unchanged (no counterfactuals), as the report and the dashboard show it.
    /// </summary>
    public static Plan ExplainWithinLimit(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Shortfalls.Count <= AutomaticLimit ? Explain(book, plan) : plan;
    }

    /// <summary>Relative shortfall at or below which a re-solved contract counts as filled.</summary>
    private const double Filled = 1e-9;

    /// <summary>
    /// <paramref name="plan"/> (planned from <paramref name="book"/> under its own policy) with a counterfactual on every
    /// shortfall that one pool can fill.
    /// </summary>
    public static Plan Explain(Book book, Plan plan)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Shortfalls.Count == 0)
        {
            return plan;
        }
        var model = PlanningModel.Compile(book, plan.Policy);
        var contractIndex = Enumerable.Range(0, model.Contracts.Length).ToDictionary(c => model.Contracts[c].Id, StringComparer.Ordinal);
        var poolIndex = Enumerable.Range(0, model.Pools.Length)
            .ToDictionary(p => (model.Sites[model.Pools[p].SiteIndex].Id, model.Pools[p].Chip));
        var months = plan.Shortfalls.GroupBy(s => s.Month).Select(g => g.ToArray()).ToArray();
        var explained = new Shortfall[months.Length][];
        Parallel.For(0, months.Length, t =>
        {
            var month = months[t][0].Month;
            var capacity = new double[model.Pools.Length];
            for (var p = 0; p < capacity.Length; p++)
            {
                capacity[p] = model.PoolCapacityMw(p, month);
            }
            var problem = FillProblem.Of(model, month, capacity);
            var isolated = problem.Contract.Any(c => model.Rivals[c].Length > 0);
            explained[t] = [.. months[t].Select(s => isolated ? s : s with
            {
                Counterfactual = Counterfactual(model, problem, months[t], s, contractIndex[s.ContractId], poolIndex),
            })];
        });
        return plan with { Shortfalls = explained.SelectMany(m => m).ToValueList() };
    }

    private static CapacityCounterfactual? Counterfactual(PlanningModel model, FillProblem problem, Shortfall[] monthShortfalls, Shortfall shortfall,
        int contract, Dictionary<(string, string), int> poolIndex)
    {
        var i = Array.IndexOf(problem.Contract, contract);
        if (i < 0)
        {
            return null;
        }
        // Candidate pools: the bottleneck, or (nothing eligible online) every pool the contract may use.
        int[] candidates = shortfall.Reason == ShortfallReason.NoEligibleCapacity
            ? [.. model.EligibleClasses[contract].SelectMany(k => model.ClassPools[k])]
            : [.. shortfall.SaturatedPools.Select(p => poolIndex[(p.SiteId, p.Chip)])];
        var classes = candidates.Select(p => model.PoolClass[p]).Distinct().Order().ToArray();
        var precision = Precision(problem.Demand[i]);
        foreach (var direct in new[] { true, false })
        {
            var best = -1;
            var bestSteps = long.MaxValue;
            foreach (var k in classes.Where(k => model.EligibleClasses[contract].Contains(k) == direct))
            {
                var classPools = model.ClassPools[k];
                var upper = monthShortfalls.Where(s => s.SaturatedPools.Any(p => model.PoolClass[poolIndex[(p.SiteId, p.Chip)]] == k)).Sum(s => s.ShortMw);
                // A class that one step less than the best so far does not fill cannot beat it: one solve rules it out.
                if (bestSteps != long.MaxValue && (bestSteps == 1 || Solve(problem, i, k, (bestSteps - 1) * precision) < problem.Demand[i] * (1 - Filled)))
                {
                    continue;
                }
                var steps = StepsToFill(problem, i, k, problem.Demand[i] - shortfall.ShortMw, Math.Max(upper, shortfall.ShortMw), precision);
                if (steps < bestSteps)
                {
                    (best, bestSteps) = (k, steps);
                }
            }
            if (best >= 0)
            {
                // Pools of a class are listed cheapest opex first, then by site id.
                var pool = model.ClassPools[best].First(candidates.Contains);
                var site = model.Sites[model.Pools[pool].SiteIndex];
                var digits = Math.Clamp(-(int)Math.Floor(Math.Log10(precision)), 0, 15);
                return new CapacityCounterfactual(new ChipPoolRef(site.Id, model.Pools[pool].Chip), Math.Round(bestSteps * precision, digits), precision);
            }
        }
        return null;
    }

    /// <summary>A power of ten about a thousandth of <paramref name="committedMw"/> (0.1 MW for 100-999 MW).</summary>
    internal static double Precision(double committedMw) => Math.Pow(10, Math.Floor(Math.Log10(committedMw)) - 3);

    /// <summary>
    /// The fewest steps of <paramref name="precision"/> MW that, added to class <paramref name="k"/>, fill contract
    /// <paramref name="i"/> (which gets <paramref name="allocatedMw"/> as planned); <see cref="long.MaxValue"/> when no
    /// amount up to 256 times <paramref name="guess"/> (what the contracts short at the class still miss) does.
    /// </summary>
    /// <remarks>
    /// The contract's MW grow piecewise linearly with the MW added, so secant steps from below (from the last amount that
    /// did not fill, along the slope seen so far) usually land on the answer in two or three solves; each step is checked,
    /// and bisection on multiples of the precision finishes whatever the steps leave, so the answer fills and one step
    /// less does not.
    /// </remarks>
    private static long StepsToFill(FillProblem problem, int i, int k, double allocatedMw, double guess, double precision)
    {
        var target = problem.Demand[i] * (1 - Filled);
        var limit = 256 * Math.Max(1, (long)Math.Ceiling(guess / precision));
        var (low, lowMw) = (0L, allocatedMw);
        // First try the contract's own shortfall: enough whenever no other contract takes part of what is added.
        var high = Math.Max(1, (long)Math.Ceiling((problem.Demand[i] - allocatedMw) / precision));
        while (true)
        {
            var mw = Solve(problem, i, k, high * precision);
            if (mw >= target)
            {
                break;
            }
            var slope = (mw - lowMw) / ((high - low) * precision);
            (low, lowMw) = (high, mw);
            var step = slope > 0 ? (long)Math.Ceiling((problem.Demand[i] - mw) / slope / precision) : low;
            high = low + Math.Clamp(step, 1, Math.Max(1, low));
            if (high > limit)
            {
                return long.MaxValue;
            }
        }
        // Secant steps from below land exactly on a linear piece: try one step less first.
        if (high - low > 1 && Solve(problem, i, k, (high - 1) * precision) < target)
        {
            return high;
        }
        high = Math.Max(low + 1, high - 1);
        while (high - low > 1)
        {
            var middle = low + ((high - low) / 2);
            if (Solve(problem, i, k, middle * precision) >= target)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return high;
    }

    private static double Solve(FillProblem problem, int i, int k, double addMw)
    {
        var capacity = (double[])problem.ClassCapacity.Clone();
        capacity[k] += addMw;
        return ProgressiveFilling.Solve(problem.WithClassCapacity(capacity))[i];
    }
}
