using System.Numerics;
using Qdc.Compiler.Graphs;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Flow-based refinement between pairs of adjacent blocks (as in KaHyPar-MF and Mt-KaHyPar's
/// FlowCutter refinement). For blocks a and b it grows a region around their cut on each side,
/// no heavier than the other block could take in a looser balance (α·ε), contracts the rest of a
/// into the source and of b into the sink, builds the Lawler network of the nets there (net e is
/// an arc e_in→e_out of capacity w(e), pins join it with infinite arcs; two-pin nets are one
/// undirected edge) and computes a maximum flow. While neither side of a minimum cut fits the
/// capacities, the lighter side is pierced (its reachable set and vertices next to it become
/// terminals, preferably ones that open no augmenting path) and the flow augmented.
/// For two blocks the cut of a net is exactly its km1 change, so a balanced cut cheaper than the
/// current one is applied; the result never exceeds a capacity and is never worse.
/// </summary>
internal sealed class FlowRefiner
{
    private readonly PartitionState _state;
    private readonly SplitMix64 _rng;
    private readonly int[] _local;
    private readonly int[] _regionStamp;
    private readonly int[] _netSeen;
    private int _stamp;

    // The region of the pair being refined: its vertices, vertex i being local node i + 2.
    private readonly List<int> _region = [];

    // Nets of the flow problem: _pins[first] is the net, its pins (local nodes) follow in
    // _pins[first+1..first+count]; In and Out are its Lawler nodes, −1 for a two-pin edge.
    private readonly List<int> _pins = [];
    private readonly List<(int First, int Count, int In, int Out)> _nets = [];

    // Piercing candidates of one round, each region vertex once.
    private readonly List<(int Score, ulong Tie, int Node)> _candidates = [];
    private int[] _seenCandidate = [];
    private int _candidateStamp;

    public FlowRefiner(PartitionState state, SplitMix64 rng)
    {
        _state = state;
        _rng = rng;
        _local = new int[state.Graph.VertexCount];
        _regionStamp = new int[state.Graph.VertexCount];
        _netSeen = new int[state.Graph.NetCount];
    }

    /// <summary>How much looser than the real capacities a region may be (KaHyPar-MF's α).</summary>
    public double Alpha { get; init; } = 16;

    /// <summary>Nets larger than this neither seed nor grow a region (they rarely change and cost much).</summary>
    public int MaxNetSize { get; init; } = 1000;

    /// <summary>Rounds over the pairs of blocks, each over the pairs with a block that changed in the one before.</summary>
    public long Refine(int maxRounds = 4)
    {
        int k = _state.K;
        long start = _state.Objective;
        var active = Enumerable.Repeat(true, k).ToArray();
        for (int round = 0; round < maxRounds; round++)
        {
            var next = new bool[k];
            bool any = false;
            foreach (var (a, b) in Pairs(active))
            {
                if (TryPair(a, b))
                {
                    next[a] = next[b] = true;
                    any = true;
                }
            }
            if (!any)
            {
                break;
            }
            active = next;
        }
        return start - _state.Objective;
    }

    // Adjacent pairs with an active block, heaviest cut first (ties by index: deterministic).
    private List<(int A, int B)> Pairs(bool[] active)
    {
        int k = _state.K;
        var cut = new long[k * k];
        var g = _state.Graph;
        for (int e = 0; e < g.NetCount; e++)
        {
            ulong m = _state.Mask[e];
            if ((m & (m - 1)) == 0)
            {
                continue;
            }
            for (ulong x = m; x != 0; x &= x - 1)
            {
                int a = BitOperations.TrailingZeroCount(x);
                for (ulong y = x & (x - 1); y != 0; y &= y - 1)
                {
                    cut[(a * k) + BitOperations.TrailingZeroCount(y)] += g.NetWeight(e);
                }
            }
        }
        var pairs = new List<(int A, int B)>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                if (cut[(a * k) + b] > 0 && (active[a] || active[b]))
                {
                    pairs.Add((a, b));
                }
            }
        }
        pairs.Sort((p, q) =>
        {
            int byCut = cut[(q.A * k) + q.B].CompareTo(cut[(p.A * k) + p.B]);
            return byCut != 0 ? byCut : ((p.A * k) + p.B).CompareTo((q.A * k) + q.B);
        });
        return pairs;
    }

    private bool TryPair(int a, int b)
    {
        var g = _state.Graph;
        _stamp++;
        _region.Clear();
        long regionA = Grow(a, b);
        long regionB = Grow(b, a);
        if (_region.Count == 0)
        {
            return false;
        }
        var (nodes, constant, current) = BuildNets(a, b);
        if (current <= constant)
        {
            return false;
        }
        var network = new FlowNetwork(nodes);
        foreach (var (first, count, inNode, outNode) in _nets)
        {
            int w = g.NetWeight(_pins[first]);
            if (inNode < 0)
            {
                network.AddEdge(_pins[first + 1], _pins[first + 2], w, w);
                continue;
            }
            network.AddEdge(inNode, outNode, w);
            for (int i = first + 1; i <= first + count; i++)
            {
                int p = _pins[i];
                // The source only sends and the sink only receives.
                if (p != Sink)
                {
                    network.AddEdge(p, inNode, FlowNetwork.Infinite);
                }
                if (p != Source)
                {
                    network.AddEdge(outNode, p, FlowNetwork.Infinite);
                }
            }
        }
        var outside = (A: _state.BlockWeight[a] - regionA, B: _state.BlockWeight[b] - regionB);
        var side = Cut(new MaxFlow(network), nodes, a, b, outside, constant, current);
        return side is not null && Apply(side, a, b);
    }

    private const int Source = 0;
    private const int Sink = 1;

    /// <summary>
    /// Breadth-first from the pins of nets cut between <paramref name="from"/> and <paramref name="to"/>,
    /// within <paramref name="from"/>, while the region stays light enough for <paramref name="to"/>
    /// to take whole in the loosened balance. Returns the weight it added.
    /// </summary>
    private long Grow(int from, int to)
    {
        var g = _state.Graph;
        // Leave part of the block outside, so that its terminal is not empty.
        long limit = Math.Min(Loosened(to) - _state.BlockWeight[to], _state.BlockWeight[from] - 1);
        int start = _region.Count;
        long weight = 0;
        for (int e = 0; e < g.NetCount && weight < limit; e++)
        {
            if (g.NetSize(e) <= MaxNetSize && _state.PinCount(e, from) > 0 && _state.PinCount(e, to) > 0)
            {
                weight = AddPins(e, from, weight, limit);
            }
        }
        for (int head = start; head < _region.Count && weight < limit; head++)
        {
            foreach (var e in g.IncidentNets(_region[head]))
            {
                if (g.NetSize(e) <= MaxNetSize)
                {
                    weight = AddPins(e, from, weight, limit);
                }
            }
        }
        return weight;
    }

    private long AddPins(int e, int block, long weight, long limit)
    {
        var g = _state.Graph;
        foreach (var p in g.Pins(e))
        {
            if (_state.BlockOf[p] == block && _regionStamp[p] != _stamp && weight + g.VertexWeight(p) <= limit)
            {
                _regionStamp[p] = _stamp;
                _local[p] = _region.Count + 2;
                _region.Add(p);
                weight += g.VertexWeight(p);
            }
        }
        return weight;
    }

    /// <summary>
    /// The nets with a pin in the region, as pin lists of local nodes (the rest of a is the source,
    /// of b the sink). Nets touching both terminals are cut whatever happens (<c>constant</c>);
    /// <c>current</c> is what the region's nets cut now.
    /// </summary>
    private (int Nodes, long Constant, long Current) BuildNets(int a, int b)
    {
        var g = _state.Graph;
        _pins.Clear();
        _nets.Clear();
        int nodes = _region.Count + 2;
        long constant = 0, current = 0;
        foreach (var v in _region)
        {
            foreach (var e in g.IncidentNets(v))
            {
                if (_netSeen[e] == _stamp)
                {
                    continue;
                }
                _netSeen[e] = _stamp;
                int w = g.NetWeight(e);
                if (_state.PinCount(e, a) > 0 && _state.PinCount(e, b) > 0)
                {
                    current += w;
                }
                int first = _pins.Count;
                _pins.Add(e);
                bool source = false, sink = false;
                foreach (var p in g.Pins(e))
                {
                    if (_regionStamp[p] == _stamp)
                    {
                        _pins.Add(_local[p]);
                    }
                    else
                    {
                        source |= _state.BlockOf[p] == a;
                        sink |= _state.BlockOf[p] == b;
                    }
                }
                if (source && sink)
                {
                    constant += w;
                    _pins.RemoveRange(first, _pins.Count - first);
                    continue;
                }
                if (source)
                {
                    _pins.Add(Source);
                }
                if (sink)
                {
                    _pins.Add(Sink);
                }
                int count = _pins.Count - first - 1;
                if (count < 2 || w == 0)
                {
                    _pins.RemoveRange(first, _pins.Count - first);
                    continue;
                }
                if (count == 2)
                {
                    _nets.Add((first, 2, -1, -1));
                    continue;
                }
                _nets.Add((first, count, nodes, nodes + 1));
                nodes += 2;
            }
        }
        return (nodes, constant, current);
    }

    /// <summary>
    /// FlowCutter: maximum flow, then while neither extreme minimum cut fits, pierce the lighter
    /// side and augment. Returns each region vertex's block, or null when no balanced cut beats
    /// <paramref name="current"/>.
    /// </summary>
    private int[]? Cut(MaxFlow flow, int nodes, int a, int b, (long A, long B) outside, long constant, long current)
    {
        var g = _state.Graph;
        long capA = _state.Capacity[a], capB = _state.Capacity[b];
        long total = _state.BlockWeight[a] + _state.BlockWeight[b];
        flow.AddSource(Source);
        flow.AddSink(Sink);
        if (_seenCandidate.Length < _region.Count)
        {
            _seenCandidate = new int[Math.Max(_region.Count, 2 * _seenCandidate.Length)];
            _candidateStamp = 0;
        }
        var sourceSide = new bool[nodes];
        var sinkSide = new bool[nodes];
        for (int pierce = 0; pierce <= _region.Count; pierce++)
        {
            // The flow only grows as terminals are added: once it reaches the current cut, nothing better is left.
            if (flow.Augment(current - constant) + constant >= current)
            {
                return null;
            }
            flow.SourceSide(sourceSide);
            flow.SinkSide(sinkSide);
            long weightS = outside.A, weightT = outside.B;
            for (int i = 0; i < _region.Count; i++)
            {
                int w = g.VertexWeight(_region[i]);
                weightS += sourceSide[i + 2] ? w : 0;
                weightT += sinkSide[i + 2] ? w : 0;
            }
            // Slack of each extreme cut: the source side as small as it gets, or the sink side.
            long slackS = Math.Min(capA - weightS, capB - (total - weightS));
            long slackT = Math.Min(capA - (total - weightT), capB - weightT);
            if (slackS >= 0 || slackT >= 0)
            {
                var side = new int[_region.Count];
                bool bySource = slackS >= slackT;
                for (int i = 0; i < side.Length; i++)
                {
                    side[i] = bySource ? (sourceSide[i + 2] ? a : b) : (sinkSide[i + 2] ? b : a);
                }
                return side;
            }
            bool growSource = weightS <= weightT;
            var reached = growSource ? sourceSide : sinkSide;
            // How much the side must gain before the other fits.
            long need = growSource ? total - capB - weightS : total - capA - weightT;
            var pierced = growSource
                ? Pierce(flow, sourceSide, sinkSide, a, capA - weightS, need)
                : Pierce(flow, sinkSide, sourceSide, b, capB - weightT, need);
            if (pierced.Count == 0)
            {
                return null;
            }
            for (int x = 0; x < nodes; x++)
            {
                if (reached[x] && !flow.IsSource(x) && !flow.IsSink(x))
                {
                    Terminal(flow, x, growSource);
                }
            }
            foreach (var v in pierced)
            {
                Terminal(flow, v, growSource);
            }
        }
        return null;
    }

    private static void Terminal(MaxFlow flow, int node, bool source)
    {
        if (source)
        {
            flow.AddSource(node);
        }
        else
        {
            flow.AddSink(node);
        }
    }

    /// <summary>
    /// Region vertices next to the side <paramref name="reached"/> (pins of a net it touches),
    /// outside it and fitting in <paramref name="room"/>. Best is one the other side does not reach
    /// (no augmenting path, so the cut keeps its value), then one already in <paramref name="block"/>
    /// (fewer moves), then at random. Vertices the other side does not reach are pierced in bulk,
    /// up to half of <paramref name="need"/> (Mt-KaHyPar's bulk piercing): that takes a few rounds
    /// where one vertex at a time would take hundreds, and never raises the cut.
    /// </summary>
    private List<int> Pierce(MaxFlow flow, bool[] reached, bool[] other, int block, long room, long need)
    {
        var g = _state.Graph;
        _candidates.Clear();
        _candidateStamp++;
        foreach (var (first, count, inNode, outNode) in _nets)
        {
            bool touches = inNode >= 0 && (reached[inNode] || reached[outNode]);
            for (int i = first + 1; i <= first + count && !touches; i++)
            {
                touches = reached[_pins[i]];
            }
            if (!touches)
            {
                continue;
            }
            for (int i = first + 1; i <= first + count; i++)
            {
                int p = _pins[i];
                if (p < 2 || reached[p] || flow.IsSource(p) || flow.IsSink(p) || _seenCandidate[p - 2] == _candidateStamp
                    || g.VertexWeight(_region[p - 2]) > room)
                {
                    continue;
                }
                _seenCandidate[p - 2] = _candidateStamp;
                int score = (other[p] ? 0 : 2) + (_state.BlockOf[_region[p - 2]] == block ? 1 : 0);
                _candidates.Add((score, _rng.NextULong(), p));
            }
        }
        _candidates.Sort((x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : y.Tie.CompareTo(x.Tie));
        var chosen = new List<int>();
        long added = 0;
        foreach (var (score, _, p) in _candidates)
        {
            int w = g.VertexWeight(_region[p - 2]);
            if (chosen.Count > 0 && (score < 2 || added >= need / 2 || added + w > room))
            {
                break;
            }
            chosen.Add(p);
            added += w;
        }
        return chosen;
    }

    // Moves the region to its sides; undone unless the objective fell and every block fits.
    private bool Apply(int[] side, int a, int b)
    {
        long before = _state.Objective;
        var moved = new List<(int Vertex, int From)>();
        for (int i = 0; i < side.Length; i++)
        {
            int v = _region[i];
            if (_state.BlockOf[v] != side[i])
            {
                moved.Add((v, _state.BlockOf[v]));
                _state.Move(v, side[i]);
            }
        }
        if (_state.Objective < before && _state.BlockWeight[a] <= _state.Capacity[a] && _state.BlockWeight[b] <= _state.Capacity[b])
        {
            return true;
        }
        for (int i = moved.Count - 1; i >= 0; i--)
        {
            _state.Move(moved[i].Vertex, moved[i].From);
        }
        return false;
    }

    private long Loosened(int block)
    {
        double average = (double)_state.Graph.TotalVertexWeight / _state.K;
        long cap = _state.Capacity[block];
        return Math.Max(cap, (long)(average + (Alpha * (cap - average))));
    }
}
