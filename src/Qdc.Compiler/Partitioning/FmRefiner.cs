using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// k-way Fiduccia–Mattheyses: repeatedly moves the unlocked vertex with the best gain (even a
/// negative one, to climb out of local minima) into a block with room, then rolls back to the best
/// feasible prefix of moves. A move may overload one block by up to the heaviest vertex when every
/// block is full (tight balance leaves no single legal move); then only moves into blocks with
/// real room follow until the overload is gone, so swaps become possible. Gains live in a priority
/// queue and are recomputed only for pins of nets whose pin counts crossed a threshold. The result
/// never exceeds a capacity and its objective is never worse than the start.
/// </summary>
internal sealed class FmRefiner
{
    private readonly PartitionState _state;
    private readonly SplitMix64 _rng;
    private readonly int[] _version;
    private readonly bool[] _locked;
    private readonly bool[] _dirty;
    private readonly List<int> _dirtyList = [];
    private readonly long[] _scratch;
    private readonly PriorityQueue<(int Vertex, int Version), (long NegGain, int Tie)> _queue = new();
    private readonly Action<int, int> _onNetChanged;

    public FmRefiner(PartitionState state, SplitMix64 rng)
    {
        _state = state;
        _rng = rng;
        int n = state.Graph.VertexCount;
        _version = new int[n];
        _locked = new bool[n];
        _dirty = new bool[n];
        _scratch = new long[state.K];
        _onNetChanged = MarkPins;
    }

    /// <summary>Passes until one brings nothing (or <paramref name="maxPasses"/>); returns the total improvement.</summary>
    public long Refine(int maxPasses = 12)
    {
        long start = _state.Objective;
        for (int pass = 0; pass < maxPasses; pass++)
        {
            long before = _state.Objective;
            Pass();
            if (_state.Objective >= before)
            {
                break;
            }
        }
        return start - _state.Objective;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Pass()
    {
        var g = _state.Graph;
        int n = g.VertexCount;
        Array.Clear(_locked);
        _queue.Clear();
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
        }
        _rng.Shuffle(order);
        foreach (var v in order)
        {
            if (IsBoundary(v))
            {
                Push(v);
            }
        }

        var moves = new List<(int Vertex, int From)>();
        var deferred = new List<int>();
        long slack = g.MaxVertexWeight;
        _state.Slack = slack;
        long best = _state.Objective;
        int bestPrefix = 0;
        int limit = Math.Clamp(n / 8, 50, 400);
        int sinceBest = 0;
        while (_queue.TryDequeue(out var item, out var key) && sinceBest < limit)
        {
            int v = item.Vertex;
            if (_locked[v] || item.Version != _version[v])
            {
                continue;
            }
            var (to, gain) = _state.BestMove(v, _scratch);
            if (to < 0)
            {
                if (_state.Slack == 0)
                {
                    deferred.Add(v);
                }
                continue;
            }
            if (gain != -key.NegGain)
            {
                // Stale key (a target filled up, or a net changed without crossing a threshold).
                Enqueue(v, gain);
                continue;
            }
            _locked[v] = true;
            moves.Add((v, _state.BlockOf[v]));
            _state.Move(v, to, _onNetChanged);
            bool feasible = _state.IsFeasible();
            _state.Slack = feasible ? slack : 0;
            if (feasible && deferred.Count > 0)
            {
                foreach (var u in deferred)
                {
                    if (!_locked[u] && !_dirty[u])
                    {
                        _dirty[u] = true;
                        _dirtyList.Add(u);
                    }
                }
                deferred.Clear();
            }
            if (feasible && _state.Objective < best)
            {
                best = _state.Objective;
                bestPrefix = moves.Count;
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
            foreach (var u in _dirtyList)
            {
                _dirty[u] = false;
                if (!_locked[u])
                {
                    Push(u);
                }
            }
            _dirtyList.Clear();
        }
        _state.Slack = 0;
        for (int i = moves.Count - 1; i >= bestPrefix; i--)
        {
            _state.Move(moves[i].Vertex, moves[i].From);
        }
        foreach (var u in _dirtyList)
        {
            _dirty[u] = false;
        }
        _dirtyList.Clear();
    }

    private bool IsBoundary(int v)
    {
        foreach (var e in _state.Graph.IncidentNets(v))
        {
            if ((_state.Mask[e] & (_state.Mask[e] - 1)) != 0)
            {
                return true;
            }
        }
        return false;
    }

    private void Push(int v)
    {
        var (to, gain) = _state.BestMove(v, _scratch);
        if (to >= 0)
        {
            Enqueue(v, gain);
        }
    }

    private void Enqueue(int v, long gain)
    {
        _version[v]++;
        _queue.Enqueue((v, _version[v]), (-gain, _rng.Next(int.MaxValue)));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void MarkPins(int e, int block)
    {
        // Huge nets rarely change a pin's gain; skipping them keeps a move O(small nets).
        if (_state.Graph.NetSize(e) > 2000)
        {
            return;
        }
        foreach (var u in _state.Graph.Pins(e))
        {
            if (!_dirty[u] && !_locked[u] && (block < 0 || _state.BlockOf[u] == block))
            {
                _dirty[u] = true;
                _dirtyList.Add(u);
            }
        }
    }
}
