namespace Qdc.Compiler.Graphs;

/// <summary>
/// Exact Steiner-tree costs for every vertex subset at once: Dreyfus–Wagner with all vertices as
/// terminals, 3^n·n steps. For small graphs this is far cheaper than one run per subset, and it
/// is exact even for subsets above <see cref="SteinerTree.ExactTerminalLimit"/>.
/// </summary>
public static class SteinerSubsetCosts
{
    /// <summary>The largest graph this is meant for (3^14·14 ≈ 7·10^7 steps, a fraction of a second).</summary>
    public const int VertexLimit = 14;

    /// <summary>costs[mask] = weight of a minimum tree spanning the vertices in mask; +∞ if none.</summary>
    public static double[] Compute(IUndirectedGraph graph, AllPairsShortestPaths? paths = null)
    {
        int n = graph.VertexCount;
        if (n > VertexLimit)
        {
            throw new ArgumentException($"{n} vertices is above the limit of {VertexLimit} for all-subset Steiner costs", nameof(graph));
        }
        paths ??= new AllPairsShortestPaths(graph);
        int size = 1 << n;
        // dp[s * n + v]: the cheapest tree spanning s and v.
        var dp = new double[size * n];
        var merged = new double[n];
        var costs = new double[size];
        for (int s = 1; s < size; s++)
        {
            if ((s & (s - 1)) == 0)
            {
                paths.DistancesFrom(System.Numerics.BitOperations.TrailingZeroCount(s)).CopyTo(dp.AsSpan(s * n, n));
                continue;
            }
            DreyfusWagner.FillRow(dp, s, n, merged, paths);
            costs[s] = dp[s * n + System.Numerics.BitOperations.TrailingZeroCount(s)];
        }
        return costs;
    }
}
