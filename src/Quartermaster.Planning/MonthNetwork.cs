namespace Quartermaster.Planning;

/// <summary>
/// The flow network of one month on pool classes: source -> contract (capacity set per solve) ->
/// eligible class (unbounded) -> sink (the class's MW online).
/// </summary>
/// <remarks>
/// Each arc's tolerance scale (see <see cref="MaxFlow"/>) is the larger scale of its two ends. A contract's scale is
/// its MW; a class's is its capacity or the MW of the largest contract that may use it, whichever is larger, because
/// the flows through a class carry the rounding of every contract that sends flow there: a 100 GW contract at a level
/// t gets a * t MW, exact to about 1e-16 of 100 GW, and that rounding can land as 1e-11 MW of spare room in a 0.001 MW
/// class or on the arc of a 0.001 MW contract beside it. Read against the 0.001 MW alone it would look like room to
/// move; read against the 100 GW it is the rounding it is.
/// </remarks>
internal sealed class MonthNetwork
{
    /// <summary>Builds the network of <paramref name="problem"/>.</summary>
    public MonthNetwork(FillProblem problem)
        : this(problem.Eligible, problem.ClassCapacity, problem.Demand)
    {
    }

    /// <summary>
    /// Builds the network of units (contracts or groups of them) that may use the classes <paramref name="eligible"/>,
    /// with at most <paramref name="unitScale"/> MW each (the scale their tolerances are judged on).
    /// </summary>
    public MonthNetwork(int[][] eligible, double[] classCapacity, double[] unitScale)
    {
        var n = eligible.Length;
        var classes = classCapacity.Length;
        Source = 0;
        Sink = 1 + n + classes;
        Flow = new MaxFlow(Sink + 1);
        SourceEdge = new int[n];
        MiddleEdge = new int[n][];
        SinkEdge = new int[classes];
        var classScale = (double[])classCapacity.Clone();
        for (var i = 0; i < n; i++)
        {
            SourceEdge[i] = Flow.AddEdge(Source, ContractNode(i), 0, unitScale[i]);
            foreach (var k in eligible[i])
            {
                classScale[k] = Math.Max(classScale[k], unitScale[i]);
            }
        }
        for (var i = 0; i < n; i++)
        {
            MiddleEdge[i] = new int[eligible[i].Length];
            for (var j = 0; j < eligible[i].Length; j++)
            {
                var k = eligible[i][j];
                MiddleEdge[i][j] = Flow.AddEdge(ContractNode(i), ClassNode(n, k), double.PositiveInfinity, Math.Max(unitScale[i], classScale[k]));
            }
        }
        for (var k = 0; k < classes; k++)
        {
            SinkEdge[k] = Flow.AddEdge(ClassNode(n, k), Sink, classCapacity[k], classScale[k]);
        }
        NodeCount = Sink + 1;
    }

    /// <summary>The max-flow engine holding the network.</summary>
    public MaxFlow Flow { get; }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>The source node.</summary>
    public int Source { get; }

    /// <summary>The sink node.</summary>
    public int Sink { get; }

    /// <summary>Arc from the source to each contract (or unit).</summary>
    public int[] SourceEdge { get; }

    /// <summary>Arcs from each contract to its eligible classes, in the order of its eligible classes.</summary>
    public int[][] MiddleEdge { get; }

    /// <summary>Arc from each class to the sink.</summary>
    public int[] SinkEdge { get; }

    /// <summary>Node of contract (or unit) <paramref name="i"/>.</summary>
    public static int ContractNode(int i) => 1 + i;

    /// <summary>Node of class <paramref name="k"/> in a network of <paramref name="contracts"/> contracts.</summary>
    public static int ClassNode(int contracts, int k) => 1 + contracts + k;
}
