namespace Quartermaster.Planning;

/// <summary>
/// The flow network of one month on pool classes: source -> contract (capacity set per solve) ->
/// eligible class (unbounded) -> sink (the class's MW online). Each arc's tolerance scale is the most it
/// can carry: the contract's MW on source and middle arcs (or the class's, when smaller), the class's on sink arcs.
/// </summary>
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
        for (var i = 0; i < n; i++)
        {
            SourceEdge[i] = Flow.AddEdge(Source, ContractNode(i), 0, unitScale[i]);
        }
        for (var i = 0; i < n; i++)
        {
            MiddleEdge[i] = new int[eligible[i].Length];
            for (var j = 0; j < eligible[i].Length; j++)
            {
                var k = eligible[i][j];
                MiddleEdge[i][j] = Flow.AddEdge(ContractNode(i), ClassNode(n, k), double.PositiveInfinity, Math.Min(unitScale[i], classCapacity[k]));
            }
        }
        for (var k = 0; k < classes; k++)
        {
            SinkEdge[k] = Flow.AddEdge(ClassNode(n, k), Sink, classCapacity[k], classCapacity[k]);
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
