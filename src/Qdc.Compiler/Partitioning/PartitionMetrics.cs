using System.Collections.Immutable;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>Objectives recomputed from scratch from a block assignment, independent of the partitioner.</summary>
public static class PartitionMetrics
{
    /// <summary>Σ w(e)·(λ(e)−1), λ = number of blocks net e touches.</summary>
    public static long Km1(Hypergraph g, IReadOnlyList<int> blockOf) =>
        Sum(g, blockOf, m => Math.Max(0, BitOperations.PopCount(m) - 1));

    /// <summary>Σ w(e) over nets touching more than one block.</summary>
    public static long Cut(Hypergraph g, IReadOnlyList<int> blockOf) =>
        Sum(g, blockOf, m => BitOperations.PopCount(m) > 1 ? 1 : 0);

    /// <summary>Σ w(e)·SpanCost(blocks of e).</summary>
    public static long Objective(Hypergraph g, IReadOnlyList<int> blockOf, IBlockCost cost) =>
        Sum(g, blockOf, cost.SpanCost);

    public static ImmutableArray<long> BlockWeights(Hypergraph g, IReadOnlyList<int> blockOf, int k)
    {
        var w = new long[k];
        for (int v = 0; v < g.VertexCount; v++)
        {
            w[blockOf[v]] += g.VertexWeight(v);
        }
        return [.. w];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static long Sum(Hypergraph g, IReadOnlyList<int> blockOf, Func<ulong, int> netCost)
    {
        long total = 0;
        for (int e = 0; e < g.NetCount; e++)
        {
            ulong mask = 0;
            foreach (var p in g.Pins(e))
            {
                mask |= 1UL << blockOf[p];
            }
            total += (long)g.NetWeight(e) * netCost(mask);
        }
        return total;
    }
}
