using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Community detection for community-aware coarsening: Louvain's local-moving phase (modularity)
/// on the clique expansion of the hypergraph, a net of size s giving each pin pair w/(s−1).
/// Coarsening then never merges across communities, which keeps dense regions whole until the
/// coarse levels and stops clusters from straddling the natural cuts.
/// </summary>
internal static class Communities
{
    // Large nets say little about community and would make the expansion quadratic.
    private const int MaxNetSize = 50;

    private const int MaxRounds = 8;

    /// <summary>A community label for every vertex (labels are vertex ids).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int[] Detect(Hypergraph g, SplitMix64 rng)
    {
        int n = g.VertexCount;
        var community = new int[n];
        var degree = new double[n];
        var total = new double[n];
        double twiceM = 0;
        for (int v = 0; v < n; v++)
        {
            community[v] = v;
            foreach (var e in g.IncidentNets(v))
            {
                int size = g.NetSize(e);
                if (size is >= 2 and <= MaxNetSize)
                {
                    degree[v] += g.NetWeight(e);
                }
            }
            total[v] = degree[v];
            twiceM += degree[v];
        }
        if (twiceM == 0)
        {
            return community;
        }
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
        }
        var weightTo = new double[n];
        var touched = new List<int>();
        for (int round = 0; round < MaxRounds; round++)
        {
            rng.Shuffle(order);
            int moved = 0;
            foreach (var u in order)
            {
                if (degree[u] == 0)
                {
                    continue;
                }
                int own = community[u];
                weightTo[own] = 0;
                touched.Add(own);
                foreach (var e in g.IncidentNets(u))
                {
                    int size = g.NetSize(e);
                    if (size is < 2 or > MaxNetSize)
                    {
                        continue;
                    }
                    double w = (double)g.NetWeight(e) / (size - 1);
                    foreach (var p in g.Pins(e))
                    {
                        if (p == u)
                        {
                            continue;
                        }
                        int c = community[p];
                        if (weightTo[c] == 0 && c != own)
                        {
                            touched.Add(c);
                        }
                        weightTo[c] += w;
                    }
                }
                // Gain of joining c, up to a constant: w(u, c) − deg(u)·tot(c)/2m, with u taken out of its own.
                total[own] -= degree[u];
                int best = own;
                double bestGain = weightTo[own] - (degree[u] * total[own] / twiceM);
                foreach (var c in touched)
                {
                    double gain = weightTo[c] - (degree[u] * total[c] / twiceM);
                    if (gain > bestGain + 1e-12)
                    {
                        best = c;
                        bestGain = gain;
                    }
                    weightTo[c] = 0;
                }
                touched.Clear();
                total[best] += degree[u];
                if (best != own)
                {
                    community[u] = best;
                    moved++;
                }
            }
            if (moved < n / 100 + 1)
            {
                break;
            }
        }
        return community;
    }
}
