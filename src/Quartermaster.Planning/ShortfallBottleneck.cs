namespace Quartermaster.Planning;

/// <summary>
/// The min cut that bounds each short contract of one month: the pools reachable from the contract in the residual
/// network of the month's final flow (source, contracts, pools, sink).
/// </summary>
/// <remarks>
/// <para>
/// In that residual network a contract reaches every pool it may use (its arcs are uncapacitated), a pool reaches the
/// contracts that have flow in it (reverse arcs) and reaches the sink when it has room. When the sink is not reachable,
/// the set reached is closed: its pools are full and serve only contracts of the set, whose every eligible pool is in
/// it, so the contract cannot get more without one of the set getting less. That is the certificate the planner's
/// fairness argument needs, and its pools are the bottleneck.
/// </para>
/// <para>
/// Every pool of a class is eligible for the same contracts, so reachability is computed on classes: reaching a class
/// reaches all its pools, it reaches the sink when one of its pools has room, and it reaches the contracts with flow in
/// any of its pools. The closure of each class is computed once per month and shared.
/// </para>
/// </remarks>
internal sealed class ShortfallBottleneck
{
    private readonly PlanningModel _model;
    private readonly bool[] _classRoom;
    private readonly double[] _classCapacity;
    private readonly List<int>[] _classUsers;
    private readonly Closure?[] _closures;

    /// <summary>Prepares the residual network of <paramref name="month"/>, whose pools carry <paramref name="byPool"/> MW.</summary>
    /// <param name="model">The compiled book.</param>
    /// <param name="month">The month's pool-level allocation.</param>
    /// <param name="byPool">MW allocated in each pool (dust dropped).</param>
    /// <param name="flows">MW of each contract in each pool (dust dropped).</param>
    public ShortfallBottleneck(PlanningModel model, MonthAllocation month, double[] byPool, IEnumerable<PoolMw> flows)
    {
        _model = model;
        var classes = model.ClassPools.Length;
        _classRoom = new bool[classes];
        _classCapacity = new double[classes];
        _classUsers = new List<int>[classes];
        _closures = new Closure?[classes];
        for (var k = 0; k < classes; k++)
        {
            _classUsers[k] = [];
            foreach (var p in model.ClassPools[k])
            {
                _classCapacity[k] += month.PoolCapacity[p];
                _classRoom[k] |= month.PoolCapacity[p] > 0 && byPool[p] < month.PoolCapacity[p] * (1 - PlanBuilder.Tolerance);
            }
        }
        foreach (var (c, p, _) in flows)
        {
            var users = _classUsers[model.PoolClass[p]];
            if (users.Count == 0 || users[^1] != c)
            {
                users.Add(c);
            }
        }
        foreach (var users in _classUsers)
        {
            users.Sort();
            var distinct = users.Distinct().ToList();
            users.Clear();
            users.AddRange(distinct);
        }
    }

    /// <summary>True when no class model contract <paramref name="contract"/> may use has capacity online.</summary>
    public bool NothingEligible(int contract) => _model.EligibleClasses[contract].All(k => _classCapacity[k] <= 0);

    /// <summary>
    /// The cut of model contract <paramref name="contract"/>: the classes reached, whether the sink is reached (then
    /// there is no cut), and whether a contract of a higher priority tier has flow in the cut.
    /// </summary>
    public (int[] Classes, bool ReachesSink, bool HigherTierInside) Cut(int contract)
    {
        var classes = new SortedSet<int>();
        var sink = false;
        var higher = false;
        foreach (var k in _model.EligibleClasses[contract])
        {
            var closure = ClosureOf(k);
            classes.UnionWith(closure.Classes);
            sink |= closure.ReachesSink;
            higher |= closure.LowestTier < _model.Tier[contract];
        }
        return ([.. classes], sink, higher);
    }

    private Closure ClosureOf(int start)
    {
        if (_closures[start] is { } known)
        {
            return known;
        }
        var seenClass = new bool[_classRoom.Length];
        var seenContract = new bool[_model.Contracts.Length];
        var queue = new Queue<int>();
        var sink = false;
        var lowestTier = int.MaxValue;
        seenClass[start] = true;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var k = queue.Dequeue();
            sink |= _classRoom[k];
            foreach (var c in _classUsers[k])
            {
                if (seenContract[c])
                {
                    continue;
                }
                seenContract[c] = true;
                lowestTier = Math.Min(lowestTier, _model.Tier[c]);
                foreach (var next in _model.EligibleClasses[c])
                {
                    if (!seenClass[next])
                    {
                        seenClass[next] = true;
                        queue.Enqueue(next);
                    }
                }
            }
        }
        var closure = new Closure([.. Enumerable.Range(0, seenClass.Length).Where(k => seenClass[k])], sink, lowestTier);
        _closures[start] = closure;
        return closure;
    }

    private sealed record Closure(int[] Classes, bool ReachesSink, int LowestTier);
}
