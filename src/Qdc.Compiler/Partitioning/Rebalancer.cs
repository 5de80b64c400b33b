using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>Moves vertices out of overfull blocks, cheapest first, until every block fits.</summary>
internal static class Rebalancer
{
    /// <summary>True when the state is (now) feasible.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool Repair(PartitionState state)
    {
        var g = state.Graph;
        int k = state.K;
        int guard = g.VertexCount * 2;
        while (!state.IsFeasible() && guard-- > 0)
        {
            int bestV = -1, bestTo = -1;
            long bestGain = long.MinValue;
            for (int v = 0; v < g.VertexCount; v++)
            {
                int from = state.BlockOf[v];
                int w = g.VertexWeight(v);
                if (w == 0 || state.BlockWeight[from] <= state.Capacity[from])
                {
                    continue;
                }
                for (int b = 0; b < k; b++)
                {
                    if (b == from || !state.Fits(v, b))
                    {
                        continue;
                    }
                    // Prefer heavy vertices slightly: fewer moves, and per unit of weight the same gain.
                    long gain = (Gain(state, v, b) * 1024) + Math.Min(w, 1023);
                    if (gain > bestGain)
                    {
                        (bestV, bestTo, bestGain) = (v, b, gain);
                    }
                }
            }
            if (bestV < 0)
            {
                return false;
            }
            state.Move(bestV, bestTo);
        }
        return state.IsFeasible();
    }

    /// <summary>The objective reduction of moving v to any block (adjacent or not).</summary>
    public static long Gain(PartitionState state, int v, int to)
    {
        var g = state.Graph;
        int from = state.BlockOf[v];
        long gain = 0;
        foreach (var e in g.IncidentNets(v))
        {
            ulong m = state.Mask[e];
            ulong after = state.PinCount(e, from) == 1 ? m & ~(1UL << from) : m;
            after |= 1UL << to;
            gain += (long)g.NetWeight(e) * (state.NetCost(m) - state.NetCost(after));
        }
        return gain;
    }
}
