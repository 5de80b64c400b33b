using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Moves gate vertices, with every qubit's QPU held fixed, so that the cat-entangled copies a
/// placement needs fit the QPUs' communication qubits. The partitioner counts pairs as if a QPU
/// could hold any number of copies at once; a QFT's cheapest cover then keeps many long-lived
/// copies (a qubit's whole run before its Hadamard) on one QPU, and the lowering must release
/// and re-make them over and over. Here the cost is the partitioner's (each run's Steiner cost)
/// plus the copies re-made, counted by <see cref="CopyCache"/> per QPU, and a move is kept only
/// when it lowers that sum. The search is deterministic: fixed orders and pass limits, no clocks.
/// </summary>
internal sealed class CommQubitRefiner
{
    private const int MaxPasses = 6;

    // Requests replayed through the cache model per search, at most (a deterministic time limit).
    private const long WorkBudget = 15_000_000;

    private readonly CircuitHypergraph _graph;
    private readonly IBlockCost _cost;
    private readonly int[] _home;
    private readonly int[] _capacity;
    private readonly int _k;
    // Per gate side (2g + s): the operand's qubit and its net.
    private readonly int[] _sideQubit;
    private readonly int[] _sideNet;
    private readonly int[] _gateQpu;
    // Gates of each net on each QPU (net * k + qpu), and the QPU set each net spans.
    private readonly int[] _netCount;
    private readonly ulong[] _netMask;
    // Gates on each QPU with a remote operand, in circuit order.
    private readonly List<int>[] _onQpu;
    private readonly int[] _remakes;
    private readonly CopyCache _cache;
    private readonly List<int> _reqGates = [];
    private readonly List<int> _reqNets = [];
    private readonly List<int> _sends = [];
    private readonly List<int> _none = [];
    private readonly List<int> _from = [];
    private readonly HashSet<int> _trialQpus = [];
    private readonly HashSet<int> _trialNets = [];
    private readonly int[] _trialRemakes;
    private readonly List<int>[] _netsHomedAt;

    private readonly bool _withSends;
    private long _work;

    private CommQubitRefiner(CircuitHypergraph graph, IBlockCost cost, int[] home, int[] gateQpu, int[] capacity, bool withSends = true)
    {
        _withSends = withSends;
        _graph = graph;
        _cost = cost;
        _home = home;
        _gateQpu = gateQpu;
        _capacity = capacity;
        _k = cost.BlockCount;
        int gates = graph.GateOperation.Length;
        _sideQubit = [.. graph.GateQubits];
        _sideNet = [.. graph.GateNets];
        _netCount = new int[graph.Graph.NetCount * _k];
        _netMask = new ulong[graph.Graph.NetCount];
        for (int e = 0; e < _netMask.Length; e++)
        {
            _netMask[e] = 1UL << home[graph.NetQubit[e]];
        }
        _onQpu = [.. Enumerable.Range(0, _k).Select(_ => new List<int>())];
        _netsHomedAt = [.. Enumerable.Range(0, _k).Select(_ => new List<int>())];
        for (int e = 0; e < _netMask.Length; e++)
        {
            _netsHomedAt[home[graph.NetQubit[e]]].Add(e);
        }
        for (int g = 0; g < gates; g++)
        {
            Add(g, gateQpu[g]);
        }
        _remakes = new int[_k];
        _trialRemakes = new int[_k];
        _cache = new CopyCache(capacity.Length == 0 ? 1 : capacity.Max());
        for (int p = 0; p < _k; p++)
        {
            _remakes[p] = Remakes(p);
        }
    }

    /// <summary>
    /// The gate QPUs to use, refined in place from the partitioner's; returns the pairs that
    /// <see cref="CopyDemand"/> predicts for them.
    /// </summary>
    public static long Refine(CircuitHypergraph graph, TopologyMetrics metrics, ReadOnlySpan<int> qubitQpu, int[] gateQpu)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(gateQpu);
        var cost = new TopologyBlockCost(metrics);
        int[] commQubits = [.. metrics.Topology.Qpus.Select(q => q.CommQubits)];
        var home = qubitQpu.ToArray();
        int[] original = [.. gateQpu];
        var refiner = new CommQubitRefiner(graph, cost, home, original, commQubits);
        if (refiner._remakes.Sum() == 0 && metrics.IsAllToAll)
        {
            return refiner.Total(); // every copy already fits: the partitioner's choice stands
        }
        // A second start: every copy as short-lived as it can be. Search from the cheaper start,
        // once with the senders' moments counted and once without: either may end lower.
        var shortLived = ShortLivedCopies(graph, home, cost.BlockCount);
        var start = new CommQubitRefiner(graph, cost, home, shortLived, commQubits).Total() < refiner.Total() ? shortLived : original;
        long best = CopyDemand.Pairs(graph, home, original, metrics, commQubits);
        var chosen = original;
        foreach (bool sends in new[] { true, false })
        {
            var candidate = (int[])start.Clone();
            var search = new CommQubitRefiner(graph, cost, home, candidate, commQubits, sends);
            for (int pass = 0; pass < MaxPasses && search._work < WorkBudget && search.Pass(); pass++)
            {
            }
            // The search's model leaves relays out: the full count decides.
            long pairs = CopyDemand.Pairs(graph, home, candidate, metrics, commQubits);
            if (pairs < best)
            {
                (best, chosen) = (pairs, candidate);
            }
        }
        Array.Copy(chosen, gateQpu, gateQpu.Length);
        return best;
    }

    private long Total()
    {
        long total = _remakes.Sum(r => (long)r);
        for (int e = 0; e < _netMask.Length; e++)
        {
            total += _cost.SpanCost(_netMask[e]);
        }
        return total;
    }

    /// <summary>
    /// Gate QPUs chosen in circuit order: a gate between QPUs uses a copy that its QPU already has
    /// when one has, else the copy whose run stops needing that QPU soonest (for a QFT, the
    /// qubit after its Hadamard rather than the one before), so few copies are alive at once.
    /// </summary>
    private static int[] ShortLivedCopies(CircuitHypergraph graph, int[] home, int k)
    {
        int gates = graph.GateOperation.Length;
        var sideQubit = graph.GateQubits;
        var sideNet = graph.GateNets;
        // The last gate of each run whose partner lives on each QPU: how long a copy there could serve.
        var lastUse = new int[graph.Graph.NetCount * k];
        var has = new bool[graph.Graph.NetCount * k];
        for (int g = 0; g < gates; g++)
        {
            for (int s = 0; s < 2; s++)
            {
                lastUse[(sideNet[(2 * g) + s] * k) + home[sideQubit[(2 * g) + 1 - s]]] = g;
            }
        }
        var gateQpu = new int[gates];
        for (int g = 0; g < gates; g++)
        {
            int ex = sideNet[2 * g];
            int ey = sideNet[(2 * g) + 1];
            int a = home[sideQubit[2 * g]];
            int b = home[sideQubit[(2 * g) + 1]];
            bool xAtB = has[(ex * k) + b];
            bool yAtA = has[(ey * k) + a];
            int at = a == b ? a
                : xAtB ? b
                : yAtA ? a
                : lastUse[(ex * k) + b] <= lastUse[(ey * k) + a] ? b : a;
            gateQpu[g] = at;
            if (at == b && a != b)
            {
                has[(ex * k) + b] = true;
            }
            else if (at == a && a != b)
            {
                has[(ey * k) + a] = true;
            }
        }
        return gateQpu;
    }

    /// <summary>One sweep over every copy (drop it) and every remote gate (move it); true when something improved.</summary>
    private bool Pass()
    {
        bool improved = false;
        var moves = new List<(int Gate, int To)>();
        for (int e = 0; e < _netMask.Length; e++)
        {
            int home = _home[_graph.NetQubit[e]];
            for (int p = 0; p < _k; p++)
            {
                if (p == home || _netCount[(e * _k) + p] == 0)
                {
                    continue;
                }
                // Dropping the copy of run e on p: its gates there go to the qubit's home instead.
                moves.Clear();
                foreach (int pin in _graph.Graph.Pins(e))
                {
                    if (pin >= _graph.QubitCount && _gateQpu[pin - _graph.QubitCount] == p)
                    {
                        moves.Add((pin - _graph.QubitCount, home));
                    }
                }
                improved |= TryMoves(moves);
            }
        }
        for (int g = 0; g < _gateQpu.Length; g++)
        {
            int a = _home[_sideQubit[2 * g]];
            int b = _home[_sideQubit[(2 * g) + 1]];
            int at = _gateQpu[g];
            if (a == at && b == at)
            {
                continue;
            }
            int[] targets = a == b ? [a] : [a, b];
            foreach (int to in targets)
            {
                if (to != _gateQpu[g])
                {
                    moves.Clear();
                    moves.Add((g, to));
                    improved |= TryMoves(moves);
                }
            }
        }
        return improved;
    }

    /// <summary>Applies the moves, keeps them if the total cost fell, else undoes them.</summary>
    private bool TryMoves(List<(int Gate, int To)> moves)
    {
        if (moves.Count == 0 || _work >= WorkBudget)
        {
            return false;
        }
        // Scratch kept across trials: the search tries thousands of moves.
        _from.Clear();
        _trialQpus.Clear();
        _trialNets.Clear();
        foreach (var (g, to) in moves)
        {
            _trialQpus.Add(_gateQpu[g]);
            _trialQpus.Add(to);
            _trialNets.Add(_sideNet[2 * g]);
            _trialNets.Add(_sideNet[(2 * g) + 1]);
            // The operands' homes send the copies, and when they send may change.
            _trialQpus.Add(_home[_sideQubit[2 * g]]);
            _trialQpus.Add(_home[_sideQubit[(2 * g) + 1]]);
        }
        long before = SpanCost(_trialNets);
        foreach (int p in _trialQpus)
        {
            before += _remakes[p];
        }
        foreach (var (g, to) in moves)
        {
            _from.Add(_gateQpu[g]);
            Move(g, to);
        }
        long after = SpanCost(_trialNets);
        foreach (int p in _trialQpus)
        {
            _trialRemakes[p] = Remakes(p);
            after += _trialRemakes[p];
        }
        if (after < before)
        {
            foreach (int p in _trialQpus)
            {
                _remakes[p] = _trialRemakes[p];
            }
            return true;
        }
        for (int i = moves.Count - 1; i >= 0; i--)
        {
            Move(moves[i].Gate, _from[i]);
        }
        return false;
    }

    private long SpanCost(HashSet<int> nets)
    {
        long total = 0;
        foreach (int e in nets)
        {
            total += _cost.SpanCost(_netMask[e]);
        }
        return total;
    }

    private void Move(int g, int to)
    {
        Remove(g, _gateQpu[g]);
        _gateQpu[g] = to;
        Add(g, to);
    }

    private void Add(int g, int p)
    {
        for (int s = 0; s < 2; s++)
        {
            int e = _sideNet[(2 * g) + s];
            if (_home[_sideQubit[(2 * g) + s]] != p && _netCount[(e * _k) + p]++ == 0)
            {
                _netMask[e] |= 1UL << p;
            }
        }
        if (HasRemoteOperand(g, p))
        {
            var list = _onQpu[p];
            int at = list.BinarySearch(g);
            list.Insert(~at, g);
        }
    }

    private void Remove(int g, int p)
    {
        for (int s = 0; s < 2; s++)
        {
            int e = _sideNet[(2 * g) + s];
            if (_home[_sideQubit[(2 * g) + s]] != p && --_netCount[(e * _k) + p] == 0)
            {
                _netMask[e] &= ~(1UL << p);
            }
        }
        if (HasRemoteOperand(g, p))
        {
            _onQpu[p].RemoveAt(_onQpu[p].BinarySearch(g));
        }
    }

    /// <summary>
    /// When the QPU sends copies of its own qubits: the first gate of each of their runs on each
    /// other QPU, in order (re-makes after a release send too; the model leaves those out).
    /// </summary>
    private List<int> Sends(int p)
    {
        _sends.Clear();
        foreach (int e in _netsHomedAt[p])
        {
            ulong seen = 1UL << p;
            if (_netMask[e] == seen)
            {
                continue;
            }
            foreach (int pin in _graph.Graph.Pins(e))
            {
                if (pin >= _graph.QubitCount && (seen & (1UL << _gateQpu[pin - _graph.QubitCount])) == 0)
                {
                    seen |= 1UL << _gateQpu[pin - _graph.QubitCount];
                    _sends.Add(pin - _graph.QubitCount);
                }
            }
        }
        _sends.Sort();
        return _sends;
    }

    private bool HasRemoteOperand(int g, int p) => _home[_sideQubit[2 * g]] != p || _home[_sideQubit[(2 * g) + 1]] != p;

    private int Remakes(int p)
    {
        _reqGates.Clear();
        _reqNets.Clear();
        var sends = _withSends ? Sends(p) : _none;
        int next = 0;
        foreach (int g in _onQpu[p])
        {
            for (; next < sends.Count && sends[next] <= g; next++)
            {
                _reqGates.Add(sends[next]);
                _reqNets.Add(-1);
            }
            for (int s = 0; s < 2; s++)
            {
                if (_home[_sideQubit[(2 * g) + s]] != p)
                {
                    _reqGates.Add(g);
                    _reqNets.Add(_sideNet[(2 * g) + s]);
                }
            }
        }
        for (; next < sends.Count; next++)
        {
            _reqGates.Add(sends[next]);
            _reqNets.Add(-1);
        }
        _work += _reqNets.Count;
        return _cache.Remakes(
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_reqGates),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_reqNets),
            _capacity[p],
            _netMask.Length);
    }
}
