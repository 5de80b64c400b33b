using System.Numerics;
using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The mutable working state of one partition of one hypergraph level: each vertex's block, block
/// weights, per-net pin counts per block and the set of blocks each net spans. Private to a phase.
/// </summary>
internal sealed class PartitionState
{
    private readonly int[] _pinCount;

    public PartitionState(Hypergraph graph, IBlockCost cost, int[] blockOf)
    {
        Graph = graph;
        Cost = cost;
        K = cost.BlockCount;
        IsAllToAll = cost is AllToAllBlockCost or TopologyBlockCost { IsAllToAll: true };
        BlockOf = blockOf;
        BlockWeight = new long[K];
        Capacity = new long[K];
        for (int b = 0; b < K; b++)
        {
            Capacity[b] = cost.Capacity(b);
        }
        _pinCount = new int[graph.NetCount * K];
        Mask = new ulong[graph.NetCount];
        for (int v = 0; v < graph.VertexCount; v++)
        {
            BlockWeight[blockOf[v]] += graph.VertexWeight(v);
        }
        for (int e = 0; e < graph.NetCount; e++)
        {
            foreach (var p in graph.Pins(e))
            {
                int b = blockOf[p];
                _pinCount[(e * K) + b]++;
                Mask[e] |= 1UL << b;
            }
            Objective += (long)graph.NetWeight(e) * NetCost(Mask[e]);
        }
    }

    public Hypergraph Graph { get; }

    public IBlockCost Cost { get; }

    public int K { get; }

    public bool IsAllToAll { get; }

    public int[] BlockOf { get; }

    public long[] BlockWeight { get; }

    public long[] Capacity { get; }

    public ulong[] Mask { get; }

    public long Objective { get; private set; }

    public int PinCount(int net, int block) => _pinCount[(net * K) + block];

    public int NetCost(ulong mask) => IsAllToAll ? Math.Max(0, BitOperations.PopCount(mask) - 1) : Cost.SpanCost(mask);

    public bool Fits(int v, int block) => BlockWeight[block] + Graph.VertexWeight(v) <= Capacity[block];

    /// <summary>Extra room FM may borrow for one move, paid back before a prefix counts (see FmRefiner).</summary>
    public long Slack { get; set; }

    private bool FitsWithSlack(int v, int block) => BlockWeight[block] + Graph.VertexWeight(v) <= Capacity[block] + Slack;

    public bool IsFeasible()
    {
        for (int b = 0; b < K; b++)
        {
            if (BlockWeight[b] > Capacity[b])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Moves <paramref name="v"/> to <paramref name="to"/> and calls <paramref name="gainsChanged"/>
    /// (net, block) for each net whose pins' gains may have changed: all its pins (block −1) when
    /// the net leaves or enters a block, only the pins in one block when that block's count drops
    /// to 1 (its last pin there could now leave for free) or rises to 2 (that pin no longer can).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Move(int v, int to, Action<int, int>? gainsChanged = null)
    {
        int from = BlockOf[v];
        if (from == to)
        {
            return;
        }
        int w = Graph.VertexWeight(v);
        BlockWeight[from] -= w;
        BlockWeight[to] += w;
        BlockOf[v] = to;
        foreach (var e in Graph.IncidentNets(v))
        {
            ulong before = Mask[e];
            int fromLeft = --_pinCount[(e * K) + from];
            int toNow = ++_pinCount[(e * K) + to];
            ulong after = before;
            if (fromLeft == 0)
            {
                after &= ~(1UL << from);
            }
            after |= 1UL << to;
            if (after != before)
            {
                Mask[e] = after;
                Objective += (long)Graph.NetWeight(e) * (NetCost(after) - NetCost(before));
            }
            if (gainsChanged is null)
            {
                continue;
            }
            if (fromLeft == 0 || toNow == 1)
            {
                gainsChanged(e, -1);
                continue;
            }
            if (fromLeft == 1)
            {
                gainsChanged(e, from);
            }
            if (toNow == 2)
            {
                gainsChanged(e, to);
            }
        }
    }

    /// <summary>
    /// The best block to move <paramref name="v"/> to, among blocks its nets already touch and that
    /// have room, and the objective reduction it brings; (-1, long.MinValue) when none.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (int Block, long Gain) BestMove(int v, long[] scratch)
    {
        int from = BlockOf[v];
        ulong adjacent = 0;
        foreach (var e in Graph.IncidentNets(v))
        {
            adjacent |= Mask[e];
        }
        adjacent &= ~(1UL << from);
        if (adjacent == 0)
        {
            return (-1, long.MinValue);
        }
        if (IsAllToAll)
        {
            return BestMoveKm1(v, from, adjacent, scratch);
        }
        int best = -1;
        long bestGain = long.MinValue;
        for (ulong rest = adjacent; rest != 0; rest &= rest - 1)
        {
            int b = BitOperations.TrailingZeroCount(rest);
            if (!FitsWithSlack(v, b))
            {
                continue;
            }
            long gain = 0;
            foreach (var e in Graph.IncidentNets(v))
            {
                ulong m = Mask[e];
                ulong after = PinCount(e, from) == 1 ? m & ~(1UL << from) : m;
                after |= 1UL << b;
                gain += (long)Graph.NetWeight(e) * (NetCost(m) - NetCost(after));
            }
            if (IsBetter(gain, b, bestGain, best))
            {
                best = b;
                bestGain = gain;
            }
        }
        return (best, bestGain);
    }

    // km1: gain(b) = Σ w[φ(e,from)=1] − Σ w[φ(e,b)=0], one pass over the nets.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private (int Block, long Gain) BestMoveKm1(int v, int from, ulong adjacent, long[] connection)
    {
        long benefit = 0, total = 0;
        for (ulong rest = adjacent; rest != 0; rest &= rest - 1)
        {
            connection[BitOperations.TrailingZeroCount(rest)] = 0;
        }
        foreach (var e in Graph.IncidentNets(v))
        {
            int w = Graph.NetWeight(e);
            total += w;
            if (PinCount(e, from) == 1)
            {
                benefit += w;
            }
            for (ulong m = Mask[e] & adjacent; m != 0; m &= m - 1)
            {
                connection[BitOperations.TrailingZeroCount(m)] += w;
            }
        }
        int best = -1;
        long bestGain = long.MinValue;
        for (ulong rest = adjacent; rest != 0; rest &= rest - 1)
        {
            int b = BitOperations.TrailingZeroCount(rest);
            if (!FitsWithSlack(v, b))
            {
                continue;
            }
            long gain = benefit - (total - connection[b]);
            if (IsBetter(gain, b, bestGain, best))
            {
                best = b;
                bestGain = gain;
            }
        }
        return (best, bestGain);
    }

    // Higher gain wins; on a tie the lighter target, which keeps room for later moves.
    private bool IsBetter(long gain, int block, long bestGain, int best) =>
        gain > bestGain || (gain == bestGain && BlockWeight[block] < BlockWeight[best]);
}
