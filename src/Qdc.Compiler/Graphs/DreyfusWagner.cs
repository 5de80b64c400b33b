namespace Qdc.Compiler.Graphs;

/// <summary>
/// The Dreyfus–Wagner dynamic programme for exact Steiner trees. dp[S][v] is the cheapest tree
/// joining the terminal subset S and vertex v; the last terminal serves as the root, so only
/// subsets of the others are enumerated. Ties go to the smaller vertex and the first split found.
/// </summary>
internal sealed class DreyfusWagner(IUndirectedGraph graph, AllPairsShortestPaths paths, int[] terminals, HashSet<int> edges)
{
    private double[][] _dp = [];
    private int[][] _join = [];
    private int[][] _split = [];

    public void Run()
    {
        int m = terminals.Length - 1;
        int n = graph.VertexCount;
        int full = (1 << m) - 1;
        _dp = new double[full + 1][];
        _join = new int[full + 1][];
        _split = new int[full + 1][];
        var merged = new double[n];
        for (int s = 1; s <= full; s++)
        {
            var dp = _dp[s] = new double[n];
            var join = _join[s] = new int[n];
            var split = _split[s] = new int[n];
            if ((s & (s - 1)) == 0)
            {
                int t = terminals[System.Numerics.BitOperations.TrailingZeroCount(s)];
                for (int v = 0; v < n; v++)
                {
                    dp[v] = paths.Distance(t, v);
                    join[v] = t;
                }
                continue;
            }
            // Split S at u into two non-empty parts; fixing the lowest bit in the first part
            // visits each unordered split once.
            int low = s & -s;
            for (int u = 0; u < n; u++)
            {
                merged[u] = double.PositiveInfinity;
                split[u] = 0;
                for (int a = (s - 1) & s; a > 0; a = (a - 1) & s)
                {
                    if ((a & low) == 0)
                    {
                        continue;
                    }
                    double c = _dp[a][u] + _dp[s ^ a][u];
                    if (c < merged[u])
                    {
                        merged[u] = c;
                        split[u] = a;
                    }
                }
            }
            for (int v = 0; v < n; v++)
            {
                double best = double.PositiveInfinity;
                int bestU = -1;
                for (int u = 0; u < n; u++)
                {
                    double c = merged[u] + paths.Distance(u, v);
                    if (c < best)
                    {
                        best = c;
                        bestU = u;
                    }
                }
                dp[v] = best;
                join[v] = bestU;
            }
        }
        Collect(full, terminals[m]);
    }

    /// <summary>The optimum's weight only: the same table without the choices that rebuild the tree.</summary>
    public static double Cost(int n, AllPairsShortestPaths paths, IReadOnlyList<int> terminals)
    {
        int m = terminals.Count - 1;
        int full = (1 << m) - 1;
        var dp = new double[(full + 1) * n];
        var merged = new double[n];
        for (int s = 1; s <= full; s++)
        {
            if ((s & (s - 1)) == 0)
            {
                paths.DistancesFrom(terminals[System.Numerics.BitOperations.TrailingZeroCount(s)]).CopyTo(dp.AsSpan(s * n, n));
            }
            else
            {
                FillRow(dp, s, n, merged, paths);
            }
        }
        return dp[full * n + terminals[m]];
    }

    /// <summary>
    /// One row of a flat table (dp[s·n + v]) for a subset s of two or more terminals, from the rows
    /// of its proper subsets: split s at some u, then join u to v by a shortest path.
    /// </summary>
    internal static void FillRow(double[] dp, int s, int n, double[] merged, AllPairsShortestPaths paths)
    {
        int low = s & -s;
        for (int u = 0; u < n; u++)
        {
            double best = double.PositiveInfinity;
            for (int a = (s - 1) & s; a > 0; a = (a - 1) & s)
            {
                if ((a & low) != 0)
                {
                    best = Math.Min(best, dp[a * n + u] + dp[(s ^ a) * n + u]);
                }
            }
            merged[u] = best;
        }
        for (int v = 0; v < n; v++)
        {
            var fromV = paths.DistancesFrom(v);
            double best = double.PositiveInfinity;
            for (int u = 0; u < n; u++)
            {
                best = Math.Min(best, merged[u] + fromV[u]);
            }
            dp[s * n + v] = best;
        }
    }

    private void Collect(int s, int v)
    {
        int u = _join[s][v];
        SteinerTree.AddPath(graph, paths.Path(v, u), edges);
        if ((s & (s - 1)) == 0)
        {
            return;
        }
        int a = _split[s][u];
        Collect(a, u);
        Collect(s ^ a, u);
    }
}
