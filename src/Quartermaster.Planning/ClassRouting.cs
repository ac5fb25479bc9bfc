namespace Quartermaster.Planning;

/// <summary>
/// Routes each contract's fair MW onto pool classes, preferring the classes it used last month.
/// </summary>
internal static class ClassRouting
{
    /// <summary>
    /// MW of each contract on each of its eligible classes (indexed like <see cref="FillProblem.Eligible"/>),
    /// summing to <paramref name="allocated"/> (up to the max-flow tolerance).
    /// </summary>
    /// <remarks>
    /// First a max-flow only along last month's class flows (capped at last month's MW): the most MW that can stay.
    /// Then the rest is routed on the capacity left, without touching what stayed. Only when that cannot route every
    /// fair share (what stayed blocks another contract) does a max-flow augment the first phase freely, and an
    /// augmenting path may then move some MW that could have stayed: staying is a strong preference, not a
    /// guaranteed optimum (that would be a min-cost flow). In a month whose inputs equal last month's, the first
    /// phase routes everything and nothing moves (a property test checks this).
    /// </remarks>
    public static double[][] Route(FillProblem problem, double[] allocated, double[][] previous)
    {
        var n = allocated.Length;
        if (n == 0)
        {
            return [];
        }
        var scale = 1.0;
        foreach (var capacity in problem.ClassCapacity)
        {
            scale = Math.Max(scale, capacity);
        }
        var stay = new MonthNetwork(problem);
        stay.Flow.PushEpsilon = 1e-13 * scale;
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
        var rest = new MonthNetwork(problem);
        rest.Flow.PushEpsilon = 1e-13 * scale;
        var wanted = 0.0;
        for (var i = 0; i < n; i++)
        {
            var left = Math.Max(0, allocated[i] - stayed[i].Sum());
            wanted += left;
            rest.Flow.SetCapacity(rest.SourceEdge[i], left);
        }
        for (var k = 0; k < problem.ClassCapacity.Length; k++)
        {
            rest.Flow.SetCapacity(rest.SinkEdge[k], Math.Max(0, stay.Flow.Residual(stay.SinkEdge[k])));
        }
        var routed = rest.Flow.Augment(rest.Source, rest.Sink);
        if (routed >= wanted - (1e-10 * scale * (n + 1)))
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

        // The stays block a fair share: augment the first phase freely.
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
