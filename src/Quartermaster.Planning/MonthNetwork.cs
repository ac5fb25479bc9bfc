namespace Quartermaster.Planning;

/// <summary>
/// The flow network of one month on pool classes: source -> contract (capacity set per solve) ->
/// eligible class (unbounded) -> sink (the class's MW online).
/// </summary>
internal sealed class MonthNetwork
{
    /// <summary>Builds the network of <paramref name="problem"/>.</summary>
    public MonthNetwork(FillProblem problem)
    {
        var n = problem.Demand.Length;
        var classes = problem.ClassCapacity.Length;
        Source = 0;
        Sink = 1 + n + classes;
        Flow = new MaxFlow(Sink + 1);
        SourceEdge = new int[n];
        MiddleEdge = new int[n][];
        SinkEdge = new int[classes];
        for (var i = 0; i < n; i++)
        {
            SourceEdge[i] = Flow.AddEdge(Source, ContractNode(i), 0);
        }
        for (var i = 0; i < n; i++)
        {
            var eligible = problem.Eligible[i];
            MiddleEdge[i] = new int[eligible.Length];
            for (var j = 0; j < eligible.Length; j++)
            {
                MiddleEdge[i][j] = Flow.AddEdge(ContractNode(i), ClassNode(n, eligible[j]), double.PositiveInfinity);
            }
        }
        for (var k = 0; k < classes; k++)
        {
            SinkEdge[k] = Flow.AddEdge(ClassNode(n, k), Sink, problem.ClassCapacity[k]);
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

    /// <summary>Arc from the source to each contract.</summary>
    public int[] SourceEdge { get; }

    /// <summary>Arcs from each contract to its eligible classes, in the order of <see cref="FillProblem.Eligible"/>.</summary>
    public int[][] MiddleEdge { get; }

    /// <summary>Arc from each class to the sink.</summary>
    public int[] SinkEdge { get; }

    /// <summary>Node of contract <paramref name="i"/>.</summary>
    public static int ContractNode(int i) => 1 + i;

    /// <summary>Node of class <paramref name="k"/> in a network of <paramref name="contracts"/> contracts.</summary>
    public static int ClassNode(int contracts, int k) => 1 + contracts + k;
}
