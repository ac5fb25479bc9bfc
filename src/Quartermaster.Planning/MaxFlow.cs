namespace Quartermaster.Planning;

/// <summary>
/// Dinic's maximum flow on double capacities, for the small bipartite networks of one month
/// (source, contracts, pool classes, sink). Edges are stored in flat arrays with each edge's reverse
/// at index ^1, so repeated solves of one network with new capacities allocate nothing.
/// </summary>
/// <remarks>
/// <para>Hot code (guarded by <c>qm bench plan</c> and the <c>MonthFillBenchmark</c> micro-benchmark): arrays,
/// no LINQ. Doubles rather than integers scaled for OR-Tools' MaxFlow because progressive filling sets
/// source capacities to t * demand for a rational level t; scaling would round the level.</para>
/// <para>
/// The price is a tolerance, and it is relative to each arc: every arc has a scale (the largest MW it can
/// carry: a contract's commitment, a class's capacity), shared with its reverse arc. While augmenting, an arc
/// with spare capacity at most <see cref="PushTolerance"/> times its scale counts as full; callers judge
/// saturation with a larger relative tolerance. A 0.001 MW contract next to a 100 GW class is judged on its
/// own MW, never on the class's: rounding in a large arc (about 1e-16 of it) never decides a small one.
/// </para>
/// </remarks>
internal sealed class MaxFlow
{
    private readonly List<int> _from = [];
    private readonly List<int> _to = [];
    private readonly List<double> _capacity = [];
    private readonly List<double> _scale = [];
    private int[] _head = [];
    private int[] _next = [];
    private int[] _edgeTo = [];
    private double[] _cap = [];
    private double[] _flow = [];
    private double[] _pushSpare = [];
    private double[] _arcScale = [];
    private int[] _level = [];
    private int[] _cursor = [];
    private int[] _queue = [];
    private bool _built;

    /// <summary>Creates a network of <paramref name="nodeCount"/> nodes, numbered from 0.</summary>
    public MaxFlow(int nodeCount) => NodeCount = nodeCount;

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>Spare capacity, relative to an arc's scale, at or below which the arc counts as full while augmenting.</summary>
    public const double PushTolerance = 1e-14;

    /// <summary>
    /// Adds an arc (before the first solve) and returns its id. <paramref name="scale"/> is the largest flow the
    /// arc will carry (positive, finite), against which its spare capacity is judged.
    /// </summary>
    public int AddEdge(int from, int to, double capacity, double scale)
    {
        if (_built)
        {
            throw new InvalidOperationException("edges must be added before the first solve");
        }
        _from.Add(from);
        _to.Add(to);
        _capacity.Add(capacity);
        _scale.Add(scale);
        return (_from.Count - 1) * 2;
    }

    /// <summary>Sets the capacity of arc <paramref name="edge"/>, keeping its current flow.</summary>
    public void SetCapacity(int edge, double capacity)
    {
        Build();
        _cap[edge] = capacity;
    }

    /// <summary>Flow on arc <paramref name="edge"/>.</summary>
    public double Flow(int edge) => _flow[edge];

    /// <summary>Spare capacity of arc <paramref name="edge"/>.</summary>
    public double Residual(int edge) => _cap[edge] - _flow[edge];

    /// <summary>True when arc <paramref name="edge"/> has spare capacity above <paramref name="relative"/> times its scale.</summary>
    public bool HasSpare(int edge, double relative) => _cap[edge] - _flow[edge] > relative * _arcScale[edge];

    /// <summary>Sets every flow to zero.</summary>
    public void ClearFlow()
    {
        Build();
        Array.Clear(_flow);
    }

    /// <summary>Augments the current flow to a maximum flow from <paramref name="source"/> to <paramref name="sink"/>; returns the flow added.</summary>
    public double Augment(int source, int sink)
    {
        Build();
        var added = 0.0;
        while (BuildLevels(source, sink))
        {
            Array.Copy(_head, _cursor, _head.Length);
            double pushed;
            while ((pushed = Push(source, sink, double.PositiveInfinity)) > 0)
            {
                added += pushed;
            }
        }
        return added;
    }

    /// <summary>
    /// Marks in <paramref name="canReach"/> every node that can reach <paramref name="sink"/> through arcs with
    /// spare capacity above <paramref name="relative"/> times their scale, not passing through <paramref name="source"/>.
    /// </summary>
    public void MarkCanReachSink(int source, int sink, double relative, bool[] canReach)
    {
        Array.Clear(canReach);
        canReach[sink] = true;
        var head = 0;
        var tail = 0;
        _queue[tail++] = sink;
        while (head < tail)
        {
            var w = _queue[head++];
            for (var e = _head[w]; e >= 0; e = _next[e])
            {
                // e runs w -> v; its pair e ^ 1 runs v -> w.
                var v = _edgeTo[e];
                var pair = e ^ 1;
                if (!canReach[v] && v != source && _cap[pair] - _flow[pair] > relative * _arcScale[pair])
                {
                    canReach[v] = true;
                    _queue[tail++] = v;
                }
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="width"/> with, for every node, the largest spare capacity a residual path from it to
    /// <paramref name="sink"/> (not through <paramref name="source"/>) can carry: the bottleneck of its widest path, 0
    /// when there is none. Dijkstra's order on bottlenecks, O(E log V).
    /// </summary>
    public void WidestToSink(int source, int sink, double[] width)
    {
        Array.Clear(width);
        width[sink] = double.PositiveInfinity;
        var queue = new PriorityQueue<int, double>();
        queue.Enqueue(sink, double.NegativeInfinity);
        while (queue.TryDequeue(out var w, out var negative))
        {
            if (-negative < width[w])
            {
                continue;
            }
            for (var e = _head[w]; e >= 0; e = _next[e])
            {
                // e runs w -> v; its pair e ^ 1 runs v -> w.
                var v = _edgeTo[e];
                var through = Math.Min(width[w], _cap[e ^ 1] - _flow[e ^ 1]);
                if (v != source && through > width[v])
                {
                    width[v] = through;
                    queue.Enqueue(v, -through);
                }
            }
        }
    }

    /// <summary>
    /// Marks in <paramref name="reached"/> every node reachable from <paramref name="source"/> through arcs with spare
    /// capacity above <paramref name="relative"/> times their scale.
    /// </summary>
    public void MarkReachableFromSource(int source, double relative, bool[] reached)
    {
        Array.Clear(reached);
        reached[source] = true;
        var head = 0;
        var tail = 0;
        _queue[tail++] = source;
        while (head < tail)
        {
            var v = _queue[head++];
            for (var e = _head[v]; e >= 0; e = _next[e])
            {
                var w = _edgeTo[e];
                if (!reached[w] && _cap[e] - _flow[e] > relative * _arcScale[e])
                {
                    reached[w] = true;
                    _queue[tail++] = w;
                }
            }
        }
    }

    private void Build()
    {
        if (_built)
        {
            return;
        }
        _built = true;
        var edges = _from.Count * 2;
        _head = new int[NodeCount];
        Array.Fill(_head, -1);
        _next = new int[edges];
        _edgeTo = new int[edges];
        _cap = new double[edges];
        _flow = new double[edges];
        _pushSpare = new double[edges];
        _arcScale = new double[edges];
        _level = new int[NodeCount];
        _cursor = new int[NodeCount];
        _queue = new int[NodeCount];
        // Insert in reverse so adjacency lists run in insertion order: deterministic and easy to reason about.
        for (var i = _from.Count - 1; i >= 0; i--)
        {
            var e = 2 * i;
            _edgeTo[e] = _to[i];
            _cap[e] = _capacity[i];
            _next[e] = _head[_from[i]];
            _head[_from[i]] = e;
            _edgeTo[e + 1] = _from[i];
            _cap[e + 1] = 0;
            _arcScale[e] = _arcScale[e + 1] = _scale[i];
            _pushSpare[e] = _pushSpare[e + 1] = PushTolerance * _scale[i];
            _next[e + 1] = _head[_to[i]];
            _head[_to[i]] = e + 1;
        }
    }

    private bool BuildLevels(int source, int sink)
    {
        Array.Fill(_level, -1);
        _level[source] = 0;
        var head = 0;
        var tail = 0;
        _queue[tail++] = source;
        while (head < tail)
        {
            var v = _queue[head++];
            for (var e = _head[v]; e >= 0; e = _next[e])
            {
                var w = _edgeTo[e];
                if (_level[w] < 0 && _cap[e] - _flow[e] > _pushSpare[e])
                {
                    _level[w] = _level[v] + 1;
                    _queue[tail++] = w;
                }
            }
        }
        return _level[sink] >= 0;
    }

    private double Push(int v, int sink, double limit)
    {
        if (v == sink)
        {
            return limit;
        }
        for (; _cursor[v] >= 0; _cursor[v] = _next[_cursor[v]])
        {
            var e = _cursor[v];
            var w = _edgeTo[e];
            var spare = _cap[e] - _flow[e];
            if (_level[w] != _level[v] + 1 || spare <= _pushSpare[e])
            {
                continue;
            }
            var pushed = Push(w, sink, Math.Min(limit, spare));
            if (pushed > 0)
            {
                _flow[e] += pushed;
                _flow[e ^ 1] -= pushed;
                return pushed;
            }
        }
        return 0;
    }
}
