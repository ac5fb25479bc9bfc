namespace Quartermaster.Planning;

/// <summary>
/// Routes the fair MW of each placement unit (a group of contracts placed alike, see <see cref="FlowPlacement"/>)
/// onto pool classes, preferring the classes it used last month.
/// </summary>
internal static class ClassRouting
{
    /// <summary>
    /// MW of each unit on each of its eligible classes (indexed like <paramref name="eligible"/>), summing to
    /// <paramref name="allocated"/> (up to the max-flow tolerance, relative to each unit's MW).
    /// </summary>
    /// <remarks>
    /// First a max-flow only along last month's class flows (capped at last month's MW): the most MW that can stay.
    /// Then the rest is routed on the capacity left, without touching what stayed. Only when that cannot route every
    /// unit's share (what stayed blocks another unit) does a max-flow augment the first phase freely, and an
    /// augmenting path may then move some MW that could have stayed: staying is a strong preference, not a
    /// guaranteed optimum (that would be a min-cost flow). In a month whose inputs equal last month's, the first
    /// phase routes everything and nothing moves (a property test checks this). Units are listed in canonical order,
    /// so which unit an augmenting path favours depends on what the units are, never on names.
    /// </remarks>
    public static double[][] Route(int[][] eligible, double[] classCapacity, double[] allocated, double[][] previous)
    {
        var n = allocated.Length;
        if (n == 0)
        {
            return [];
        }
        var stay = new MonthNetwork(eligible, classCapacity, allocated);
        for (var i = 0; i < n; i++)
        {
            stay.Flow.SetCapacity(stay.SourceEdge[i], allocated[i]);
            for (var j = 0; j < stay.MiddleEdge[i].Length; j++)
            {
                stay.Flow.SetCapacity(stay.MiddleEdge[i][j], previous[i][j]);
            }
        }
        stay.Flow.Augment(stay.Source, stay.Sink);
        var stayed = Flows(stay);

        // The rest, on the capacity the stays left.
        var rest = new MonthNetwork(eligible, classCapacity, allocated);
        for (var i = 0; i < n; i++)
        {
            var kept = 0.0;
            foreach (var mw in stayed[i])
            {
                kept += mw;
            }
            rest.Flow.SetCapacity(rest.SourceEdge[i], Math.Max(0, allocated[i] - kept));
        }
        for (var k = 0; k < classCapacity.Length; k++)
        {
            rest.Flow.SetCapacity(rest.SinkEdge[k], Math.Max(0, stay.Flow.Residual(stay.SinkEdge[k])));
        }
        rest.Flow.Augment(rest.Source, rest.Sink);
        var routedAll = true;
        for (var i = 0; i < n && routedAll; i++)
        {
            routedAll = !rest.Flow.HasSpare(rest.SourceEdge[i], ProgressiveFilling.Saturated);
        }
        if (routedAll)
        {
            var more = Flows(rest);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < stayed[i].Length; j++)
                {
                    stayed[i][j] += more[i][j];
                }
            }
            return stayed;
        }

        // The stays block a unit's share: augment the first phase freely.
        for (var i = 0; i < n; i++)
        {
            foreach (var edge in stay.MiddleEdge[i])
            {
                stay.Flow.SetCapacity(edge, double.PositiveInfinity);
            }
        }
        stay.Flow.Augment(stay.Source, stay.Sink);
        return Flows(stay);
    }

    private static double[][] Flows(MonthNetwork network)
    {
        var flows = new double[network.MiddleEdge.Length][];
        for (var i = 0; i < flows.Length; i++)
        {
            flows[i] = new double[network.MiddleEdge[i].Length];
            for (var j = 0; j < flows[i].Length; j++)
            {
                flows[i][j] = Math.Max(0, network.Flow.Flow(network.MiddleEdge[i][j]));
            }
        }
        return flows;
    }
}
