namespace Qdc.Compiler.Graphs;

/// <summary>
/// Dinic's maximum flow between two growing sets of terminals on a <see cref="FlowNetwork"/>.
/// Terminals may be added between calls to <see cref="Augment"/>, which keeps the flow found so
/// far (a valid flow stays valid when a node becomes a terminal) and augments from there: what
/// FlowCutter-style balanced cuts need, as they pierce one side at a time.
/// </summary>
public sealed class MaxFlow
{
    private readonly int[] _head;
    private readonly long[] _residual;
    private readonly long[] _capacity;
    private readonly int[] _first;
    private readonly int[] _arcs;
    private readonly byte[] _terminal;
    private readonly int[] _level;
    private readonly int[] _current;
    private readonly int[] _queue;
    private readonly int[] _path;

    public MaxFlow(FlowNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        int n = network.NodeCount;
        int m = network.EdgeCount * 2;
        _head = new int[m];
        _residual = new long[m];
        _capacity = new long[m];
        _first = new int[n + 1];
        _arcs = new int[m];
        for (int e = 0; e < m; e++)
        {
            _head[e] = network.Head(e);
            _capacity[e] = _residual[e] = network.Capacity(e);
            _first[network.Head(e ^ 1) + 1]++;
        }
        for (int v = 0; v < n; v++)
        {
            _first[v + 1] += _first[v];
        }
        var fill = _first[..^1];
        for (int e = 0; e < m; e++)
        {
            _arcs[fill[_head[e ^ 1]]++] = e;
        }
        _terminal = new byte[n];
        _level = new int[n];
        _current = new int[n];
        _queue = new int[n];
        _path = new int[n];
    }

    private const byte Source = 1;
    private const byte Sink = 2;

    /// <summary>The flow's value: the net flow out of the sources.</summary>
    public long Value { get; private set; }

    public bool IsSource(int node) => _terminal[node] == Source;

    public bool IsSink(int node) => _terminal[node] == Sink;

    public void AddSource(int node) => SetTerminal(node, Source);

    public void AddSink(int node) => SetTerminal(node, Sink);

    /// <summary>The flow on edge <paramref name="edge"/> (an id from <see cref="FlowNetwork.AddEdge"/>), negative when it runs back.</summary>
    public long Flow(int edge) => _capacity[edge] - _residual[edge];

    /// <summary>
    /// Augments to a maximum flow between the current terminals and returns its value; or stops
    /// early, once the value reaches <paramref name="limit"/>, when a caller only needs to know
    /// that the minimum cut is at least that.
    /// </summary>
    public long Augment(long limit = FlowNetwork.Infinite)
    {
        while (Value < limit && Levels())
        {
            Array.Copy(_first, _current, _current.Length);
            for (int s = 0; s < _terminal.Length; s++)
            {
                if (_terminal[s] == Source)
                {
                    Blocking(s);
                }
            }
        }
        return Value;
    }

    /// <summary>Marks the nodes the sources reach in the residual network (the smallest source side of a minimum cut).</summary>
    public void SourceSide(Span<bool> reached) => Reach(reached, Source, forward: true);

    /// <summary>Marks the nodes that reach a sink in the residual network (the smallest sink side of a minimum cut).</summary>
    public void SinkSide(Span<bool> reached) => Reach(reached, Sink, forward: false);

    private void SetTerminal(int node, byte kind)
    {
        if (_terminal[node] != 0 && _terminal[node] != kind)
        {
            throw new InvalidOperationException($"node {node} cannot be a source and a sink");
        }
        _terminal[node] = kind;
    }

    // Breadth-first levels from every source; true when some sink is reached.
    private bool Levels()
    {
        Array.Fill(_level, -1);
        int tail = 0;
        for (int v = 0; v < _terminal.Length; v++)
        {
            if (_terminal[v] == Source)
            {
                _level[v] = 0;
                _queue[tail++] = v;
            }
        }
        // Nodes past the nearest sink's level lie on no shortest path: stop there.
        int sinkLevel = int.MaxValue;
        for (int head = 0; head < tail; head++)
        {
            int v = _queue[head];
            if (_level[v] >= sinkLevel)
            {
                break;
            }
            if (_terminal[v] == Sink)
            {
                sinkLevel = _level[v];
                continue;
            }
            for (int i = _first[v]; i < _first[v + 1]; i++)
            {
                int e = _arcs[i];
                int u = _head[e];
                if (_residual[e] > 0 && _level[u] < 0)
                {
                    _level[u] = _level[v] + 1;
                    _queue[tail++] = u;
                }
            }
        }
        return sinkLevel < int.MaxValue;
    }

    // Depth-first search along level-increasing arcs with current-arc pointers, iterative so that
    // long paths cannot overflow the stack; each path found is augmented by its bottleneck.
    private void Blocking(int source)
    {
        int depth = 0;
        int v = source;
        while (true)
        {
            if (_terminal[v] == Sink)
            {
                long bottleneck = FlowNetwork.Infinite;
                for (int d = 0; d < depth; d++)
                {
                    bottleneck = Math.Min(bottleneck, _residual[_path[d]]);
                }
                for (int d = 0; d < depth; d++)
                {
                    _residual[_path[d]] -= bottleneck;
                    _residual[_path[d] ^ 1] += bottleneck;
                }
                Value = Math.Min(FlowNetwork.Infinite, Value + bottleneck);
                depth = 0;
                v = source;
                continue;
            }
            bool advanced = false;
            for (; _current[v] < _first[v + 1]; _current[v]++)
            {
                int e = _arcs[_current[v]];
                int u = _head[e];
                if (_residual[e] > 0 && _level[u] == _level[v] + 1)
                {
                    _path[depth++] = e;
                    v = u;
                    advanced = true;
                    break;
                }
            }
            if (advanced)
            {
                continue;
            }
            // A dead end: no path through v in this phase.
            _level[v] = -1;
            if (depth == 0)
            {
                return;
            }
            v = _head[_path[--depth] ^ 1];
            _current[v]++;
        }
    }

    private void Reach(Span<bool> reached, byte kind, bool forward)
    {
        reached.Clear();
        int tail = 0;
        for (int v = 0; v < _terminal.Length; v++)
        {
            if (_terminal[v] == kind)
            {
                reached[v] = true;
                _queue[tail++] = v;
            }
        }
        for (int head = 0; head < tail; head++)
        {
            int v = _queue[head];
            for (int i = _first[v]; i < _first[v + 1]; i++)
            {
                int e = _arcs[i];
                int u = _head[e];
                // Forward: v→u has room. Backward: u→v (the twin) has room, so u reaches v.
                if (!reached[u] && _residual[forward ? e : e ^ 1] > 0)
                {
                    reached[u] = true;
                    _queue[tail++] = u;
                }
            }
        }
    }
}
