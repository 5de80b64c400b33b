using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Builds the coarse hypergraph of a clustering: cluster weights add up, pins map to clusters,
/// nets left with one pin vanish, and identical nets become one net of their summed weight.
/// </summary>
internal static class Contraction
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Hypergraph Contract(Hypergraph g, int[] clusterOf, int clusterCount)
    {
        var weights = new int[clusterCount];
        for (int v = 0; v < g.VertexCount; v++)
        {
            weights[clusterOf[v]] += g.VertexWeight(v);
        }
        var mark = new int[clusterCount];
        Array.Fill(mark, -1);
        var offsets = new List<int> { 0 };
        var pins = new List<int>();
        var netWeights = new List<int>();
        var byHash = new Dictionary<ulong, List<int>>();
        var scratch = new List<int>();
        for (int e = 0; e < g.NetCount; e++)
        {
            scratch.Clear();
            foreach (var p in g.Pins(e))
            {
                int c = clusterOf[p];
                if (mark[c] != e)
                {
                    mark[c] = e;
                    scratch.Add(c);
                }
            }
            if (scratch.Count < 2)
            {
                continue;
            }
            scratch.Sort();
            ulong hash = Hash(scratch);
            if (byHash.TryGetValue(hash, out var candidates))
            {
                int twin = candidates.FindIndex(c => SamePins(pins, offsets, c, scratch));
                if (twin >= 0)
                {
                    netWeights[candidates[twin]] += g.NetWeight(e);
                    continue;
                }
                candidates.Add(netWeights.Count);
            }
            else
            {
                byHash[hash] = [netWeights.Count];
            }
            pins.AddRange(scratch);
            offsets.Add(pins.Count);
            netWeights.Add(g.NetWeight(e));
        }
        return new Hypergraph(weights, [.. netWeights], [.. offsets], [.. pins]);
    }

    private static bool SamePins(List<int> pins, List<int> offsets, int net, List<int> sorted)
    {
        int start = offsets[net];
        if (offsets[net + 1] - start != sorted.Count)
        {
            return false;
        }
        for (int i = 0; i < sorted.Count; i++)
        {
            if (pins[start + i] != sorted[i])
            {
                return false;
            }
        }
        return true;
    }

    // A fixed hash (FNV-1a over the pins), not HashCode's per-process random one.
    private static ulong Hash(List<int> sorted)
    {
        ulong h = 14695981039346656037UL;
        foreach (var p in sorted)
        {
            h = (h ^ (uint)p) * 1099511628211UL;
        }
        return h;
    }
}
