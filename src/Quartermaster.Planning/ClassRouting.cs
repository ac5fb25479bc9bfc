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
    /// Two max-flow phases: first only along last month's class flows (capped at last month's MW), which keeps
    /// the most MW where it was; then augmenting freely until every fair share is routed. An augmenting path may
    /// re-route some first-phase flow even where another path would not, so staying is a strong preference here,
    /// not a guaranteed optimum (that would be a min-cost flow). In a month whose inputs equal last month's,
    /// the first phase routes everything and nothing moves (a property test checks this).
    /// </remarks>
    public static double[][] Route(FillProblem problem, double[] allocated, double[][] previous)
    {
        var n = allocated.Length;
        var flows = new double[n][];
        if (n == 0)
        {
            return flows;
        }
        var network = new MonthNetwork(problem);
        var flow = network.Flow;
        var scale = 1.0;
        foreach (var capacity in problem.ClassCapacity)
        {
            scale = Math.Max(scale, capacity);
        }
        flow.PushEpsilon = 1e-13 * scale;
        for (var i = 0; i < n; i++)
        {
            flow.SetCapacity(network.SourceEdge[i], allocated[i]);
            for (var j = 0; j < network.MiddleEdge[i].Length; j++)
            {
                flow.SetCapacity(network.MiddleEdge[i][j], previous[i][j]);
            }
        }
        flow.Augment(network.Source, network.Sink);
        for (var i = 0; i < n; i++)
        {
            foreach (var edge in network.MiddleEdge[i])
            {
                flow.SetCapacity(edge, double.PositiveInfinity);
            }
        }
        flow.Augment(network.Source, network.Sink);
        for (var i = 0; i < n; i++)
        {
            flows[i] = new double[network.MiddleEdge[i].Length];
            for (var j = 0; j < flows[i].Length; j++)
            {
                flows[i][j] = Math.Max(0, flow.Flow(network.MiddleEdge[i][j]));
            }
        }
        return flows;
    }
}
