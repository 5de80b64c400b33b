using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Blocks at hop distances from one another: a net spanning a set of blocks costs the weight of a
/// minimum Steiner tree over them (other blocks may serve as relays). Computed exactly by
/// Dreyfus–Wagner on the distance matrix and cached by mask; meant for the small k of QPU networks.
/// </summary>
public sealed class SteinerBlockCost : IBlockCost
{
    private readonly ImmutableArray<long> _capacities;
    private readonly int[,] _distance;
    private readonly ConcurrentDictionary<ulong, int> _cache = new();

    /// <param name="capacities">One per block.</param>
    /// <param name="distance">Hop distances, symmetric, 0 on the diagonal, positive elsewhere.</param>
    public SteinerBlockCost(IEnumerable<long> capacities, int[,] distance)
    {
        ArgumentNullException.ThrowIfNull(distance);
        _capacities = [.. capacities];
        BlockCapacities.Check(_capacities);
        int k = _capacities.Length;
        if (distance.GetLength(0) != k || distance.GetLength(1) != k)
        {
            throw new ArgumentException($"a {k}×{k} distance matrix", nameof(distance));
        }
        _distance = Closure(distance, k);
    }

    public int BlockCount => _capacities.Length;

    public long Capacity(int block) => _capacities[block];

    public int Distance(int a, int b) => _distance[a, b];

    public int SpanCost(ulong blockMask)
    {
        int count = BitOperations.PopCount(blockMask);
        if (count <= 1)
        {
            return 0;
        }
        if (count == 2)
        {
            int a = BitOperations.TrailingZeroCount(blockMask);
            int b = BitOperations.TrailingZeroCount(blockMask & (blockMask - 1));
            return _distance[a, b];
        }
        return _cache.GetOrAdd(blockMask, DreyfusWagner);
    }

    // dp[S][v] = cheapest tree joining terminal subset S and vertex v; O(3^t·k + 2^t·k²).
    private int DreyfusWagner(ulong mask)
    {
        int k = BlockCount;
        var terminals = new List<int>();
        for (int b = 0; b < k; b++)
        {
            if ((mask >> b & 1) != 0)
            {
                terminals.Add(b);
            }
        }
        int t = terminals.Count;
        int full = (1 << t) - 1;
        var dp = new int[1 << t, k];
        for (int s = 1; s <= full; s++)
        {
            for (int v = 0; v < k; v++)
            {
                dp[s, v] = int.MaxValue / 4;
            }
        }
        for (int i = 0; i < t; i++)
        {
            for (int v = 0; v < k; v++)
            {
                dp[1 << i, v] = _distance[terminals[i], v];
            }
        }
        for (int s = 1; s <= full; s++)
        {
            if ((s & (s - 1)) == 0)
            {
                continue;
            }
            for (int v = 0; v < k; v++)
            {
                int best = dp[s, v];
                for (int sub = (s - 1) & s; sub > 0; sub = (sub - 1) & s)
                {
                    best = Math.Min(best, dp[sub, v] + dp[s ^ sub, v]);
                }
                dp[s, v] = best;
            }
            for (int v = 0; v < k; v++)
            {
                int best = dp[s, v];
                for (int u = 0; u < k; u++)
                {
                    best = Math.Min(best, dp[s, u] + _distance[u, v]);
                }
                dp[s, v] = best;
            }
        }
        return dp[full, terminals[0]];
    }

    // Shortest paths over the given distances (Floyd–Warshall), so relays through other blocks count.
    private static int[,] Closure(int[,] distance, int k)
    {
        var d = new int[k, k];
        for (int a = 0; a < k; a++)
        {
            for (int b = 0; b < k; b++)
            {
                int x = distance[a, b];
                if (a == b ? x != 0 : x <= 0 || x != distance[b, a])
                {
                    throw new ArgumentException("distances must be symmetric, 0 on the diagonal and positive elsewhere", nameof(distance));
                }
                d[a, b] = x;
            }
        }
        for (int m = 0; m < k; m++)
        {
            for (int a = 0; a < k; a++)
            {
                for (int b = 0; b < k; b++)
                {
                    d[a, b] = Math.Min(d[a, b], d[a, m] + d[m, b]);
                }
            }
        }
        return d;
    }
}
