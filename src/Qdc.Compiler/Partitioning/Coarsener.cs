using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// One coarsening step: heavy-connectivity clustering. Each vertex, in random order, joins the
/// neighbouring cluster it shares most net weight with (Σ w(e)/(|e|−1) over shared nets), unless
/// that would pass the weight limit or, in a V-cycle, cross a block. Weight-0 vertices (gates of a
/// circuit hypergraph) never count against the limit.
/// </summary>
internal static class Coarsener
{
    // Nets this large say little about which pair belongs together and cost much to scan.
    private const int MaxRatedNetSize = 500;

    /// <summary>The cluster of each vertex, numbered 0..count−1 in order of first vertex.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (int[] ClusterOf, int Count) Cluster(Hypergraph g, long maxClusterWeight, SplitMix64 rng, int[]? sameBlock)
    {
        int n = g.VertexCount;
        var rep = new int[n];
        var weight = new long[n];
        var visited = new bool[n];
        for (int v = 0; v < n; v++)
        {
            rep[v] = v;
            weight[v] = g.VertexWeight(v);
        }
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
        }
        rng.Shuffle(order);
        var rating = new double[n];
        var touched = new List<int>();
        foreach (var u in order)
        {
            // A vertex that others already joined stays their representative.
            if (visited[u])
            {
                continue;
            }
            visited[u] = true;
            foreach (var e in g.IncidentNets(u))
            {
                int size = g.NetSize(e);
                if (size > MaxRatedNetSize)
                {
                    continue;
                }
                double r = (double)g.NetWeight(e) / (size - 1);
                foreach (var p in g.Pins(e))
                {
                    int c = rep[p];
                    if (p == u || c == u)
                    {
                        continue;
                    }
                    if (rating[c] == 0)
                    {
                        touched.Add(c);
                    }
                    rating[c] += r;
                }
            }
            int best = -1;
            double bestRating = 0;
            long wu = g.VertexWeight(u);
            foreach (var c in touched)
            {
                double r = rating[c];
                rating[c] = 0;
                if (wu + weight[c] > maxClusterWeight && wu > 0)
                {
                    continue;
                }
                if (sameBlock is not null && sameBlock[c] != sameBlock[u])
                {
                    continue;
                }
                if (r > bestRating || (r == bestRating && best >= 0 && weight[c] < weight[best]))
                {
                    best = c;
                    bestRating = r;
                }
            }
            touched.Clear();
            if (best >= 0)
            {
                rep[u] = best;
                weight[best] += wu;
                visited[best] = true;
            }
        }
        var id = new int[n];
        Array.Fill(id, -1);
        var clusterOf = new int[n];
        int count = 0;
        for (int v = 0; v < n; v++)
        {
            int r = rep[v];
            if (id[r] < 0)
            {
                id[r] = count++;
            }
            clusterOf[v] = id[r];
        }
        return (clusterOf, count);
    }
}
