namespace Quartermaster.Planning;

/// <summary>
/// The production max-min: progressive filling of one month by parametric max-flow, exact up to a
/// stated tolerance, with no binary search on the level.
/// </summary>
/// <remarks>
/// <para>Hot code (guarded by <c>qm bench plan</c> and <c>MonthFillBenchmark</c>): arrays, no LINQ.</para>
/// <para>
/// Active contracts rise together: contract i gets min(a_i t, d_i), with slope a_i = weight_i * d_i
/// (weight 1 unless <c>weighted</c>), so its fill ratio (over its weight) is t. The highest feasible level is
/// t* = min over contract sets S of (cap(N(S)) - frozen MW in S) / a(S), where N(S) are the classes S may use.
/// It is found by Newton/Dinkelbach steps on min cuts: start at the level where some contract reaches
/// fill 1; run max-flow with source arcs a_i t; if some arc is not saturated the source side of the min cut
/// is a set S violating the level, so set t to S's ratio and repeat. t falls strictly and the sets are
/// finitely many, so it stops, in practice after two to four max-flows.
/// </para>
/// <para>
/// At t* the contracts that cannot rise are exactly those that cannot reach the sink in the residual network
/// (spare capacity judged against each arc's scale, see <see cref="MonthNetwork"/>): that set is tight and every
/// tight set lies in it. When rounding leaves every contract a sliver of room (so none would freeze), the blocked ones
/// are those with the least room relative to their own MW (the widest residual path to the sink, over their
/// commitment). They freeze at t*; contracts reaching fill 1 freeze at 1; under pro-rata the whole eligibility
/// component of a frozen contract freezes with it. Lower tiers go first, each to its own max-min.
/// </para>
/// <para>
/// Tolerances are relative to the quantities compared, never to the month's largest figure: an arc counts as
/// saturated when its spare capacity is at most <see cref="Saturated"/> times its own scale (the contract's MW,
/// or the class's), and a Dinkelbach step that would lower the level by less than <see cref="LevelTolerance"/>
/// of it is rounding, not a bottleneck. Fill ratios come from the levels (ratios of sums), not from flows, so a
/// 0.001 MW contract beside a 100 GW one gets its level to about 1e-13, not to 1e-13 * 100 GW / 0.001 MW.
/// </para>
/// </remarks>
internal static class ProgressiveFilling
{
    private const byte Waiting = 0;
    private const byte Active = 1;
    private const byte Frozen = 2;

    /// <summary>Spare capacity, relative to an arc's scale, at or below which the arc is saturated.</summary>
    internal const double Saturated = 1e-13;

    /// <summary>Relative change of the level below which a Dinkelbach step is taken for rounding.</summary>
    internal const double LevelTolerance = 1e-13;

    /// <summary>The MW each contract of <paramref name="problem"/> gets under the policy's progressive filling.</summary>
    public static double[] Solve(FillProblem problem)
    {
        var n = problem.Demand.Length;
        var allocated = new double[n];
        if (n == 0)
        {
            return allocated;
        }
        var network = new MonthNetwork(problem);
        var flow = network.Flow;

        var slope = new double[n];
        for (var i = 0; i < n; i++)
        {
            slope[i] = problem.Slope[i] * problem.Demand[i];
        }
        var component = problem.FreezesComponents ? EligibilityComponents.Label(problem.Eligible, problem.ClassCapacity) : null;
        var state = new byte[n];
        var marks = new bool[network.NodeCount];
        var width = new double[network.NodeCount];
        var freeze = new bool[n];

        var tiers = (int[])problem.Tier.Clone();
        Array.Sort(tiers);
        for (var ti = 0; ti < tiers.Length; ti++)
        {
            if (ti > 0 && tiers[ti] == tiers[ti - 1])
            {
                continue;
            }
            var activeCount = 0;
            for (var i = 0; i < n; i++)
            {
                if (problem.Tier[i] == tiers[ti])
                {
                    state[i] = Active;
                    activeCount++;
                }
            }
            while (activeCount > 0)
            {
                var level = HighestLevel(problem, network, state, slope, allocated, marks);
                flow.MarkCanReachSink(network.Source, network.Sink, Saturated, marks);
                Array.Clear(freeze);
                var any = false;
                for (var i = 0; i < n; i++)
                {
                    if (state[i] == Active && (!marks[MonthNetwork.ContractNode(i)] || problem.Demand[i] <= slope[i] * level * (1 + 1e-12)))
                    {
                        freeze[i] = true;
                        any = true;
                    }
                }
                if (!any)
                {
                    // Rounding left every blocked contract a sliver of room, so none would freeze. Room is judged relative
                    // to each contract's own MW: the ones with the least (a sliver: 1e-9 of their MW, or within a factor
                    // of 2 of the least) are the blocked ones.
                    flow.WidestToSink(network.Source, network.Sink, width);
                    var least = double.PositiveInfinity;
                    for (var i = 0; i < n; i++)
                    {
                        if (state[i] == Active)
                        {
                            least = Math.Min(least, width[MonthNetwork.ContractNode(i)] / problem.Demand[i]);
                        }
                    }
                    for (var i = 0; i < n; i++)
                    {
                        var room = width[MonthNetwork.ContractNode(i)] / problem.Demand[i];
                        if (state[i] == Active && (room <= 1e-9 || room <= 2 * least))
                        {
                            freeze[i] = true;
                            any = true;
                        }
                    }
                }
                if (component is not null)
                {
                    for (var i = 0; i < n; i++)
                    {
                        if (!freeze[i])
                        {
                            continue;
                        }
                        for (var j = 0; j < n; j++)
                        {
                            if (state[j] == Active && component[j] == component[i])
                            {
                                freeze[j] = true;
                            }
                        }
                    }
                }
                for (var i = 0; i < n; i++)
                {
                    // Without a tight set or a capped contract the level could still rise; only rounding gets here,
                    // and freezing everyone at the level keeps the loop finite.
                    if (freeze[i] || (!any && state[i] == Active))
                    {
                        allocated[i] = Math.Min(slope[i] * level, problem.Demand[i]);
                        state[i] = Frozen;
                        activeCount--;
                    }
                }
            }
        }
        return allocated;
    }

    /// <summary>
    /// The highest level t the active contracts can reach together with the frozen ones fixed, found by
    /// Dinkelbach steps on min cuts; leaves the network holding a maximum flow at that level.
    /// </summary>
    private static double HighestLevel(FillProblem problem, MonthNetwork network, byte[] state, double[] slope, double[] allocated, bool[] marks)
    {
        var n = slope.Length;
        var flow = network.Flow;
        var level = double.PositiveInfinity;
        for (var i = 0; i < n; i++)
        {
            if (state[i] == Active)
            {
                level = Math.Min(level, problem.Demand[i] / slope[i]);
            }
        }
        for (var step = 0; step < 64; step++)
        {
            for (var i = 0; i < n; i++)
            {
                var capacity = state[i] switch
                {
                    Active => Math.Min(slope[i] * level, problem.Demand[i]),
                    Frozen => allocated[i],
                    _ => 0,
                };
                flow.SetCapacity(network.SourceEdge[i], capacity);
            }
            flow.ClearFlow();
            flow.Augment(network.Source, network.Sink);
            var feasible = true;
            for (var i = 0; i < n && feasible; i++)
            {
                feasible = !flow.HasSpare(network.SourceEdge[i], Saturated);
            }
            if (feasible)
            {
                return level;
            }
            flow.MarkReachableFromSource(network.Source, MaxFlow.PushTolerance, marks);
            var capacityReached = 0.0;
            for (var k = 0; k < problem.ClassCapacity.Length; k++)
            {
                if (marks[MonthNetwork.ClassNode(n, k)])
                {
                    capacityReached += problem.ClassCapacity[k];
                }
            }
            var rising = 0.0;
            for (var i = 0; i < n; i++)
            {
                if (!marks[MonthNetwork.ContractNode(i)])
                {
                    continue;
                }
                if (state[i] == Active)
                {
                    rising += slope[i];
                }
                else if (state[i] == Frozen)
                {
                    capacityReached -= allocated[i];
                }
            }
            if (rising <= 0)
            {
                return level;
            }
            var next = Math.Max(0, capacityReached / rising);
            if (!(next < level * (1 - LevelTolerance)))
            {
                return level;
            }
            level = next;
        }
        return level;
    }
}
