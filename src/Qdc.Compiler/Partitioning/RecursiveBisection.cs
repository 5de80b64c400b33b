namespace Qdc.Compiler.Partitioning;

/// <summary>
/// An initial k-way partition by recursive bisection: split the blocks into two halves, bisect the
/// (induced) hypergraph between them (flat, or with a 2-way multilevel run), and recurse into
/// each side. Bisections see km1 (cut nets are split), which for two blocks is every cost's
/// shape. Each side may take its share of the weight plus a per-level slack such that the slacks
/// of all levels compound to what the capacities allow, and never more than its blocks' capacity,
/// so the leaves always fit.
/// </summary>
internal static class RecursiveBisection
{
    /// <summary>A feasible assignment to the blocks of <paramref name="cost"/>, or null when a bisection failed.</summary>
    public static int[]? Partition(Hypergraph g, IBlockCost cost, SplitMix64 rng, int tries, bool multilevel = false)
    {
        int k = cost.BlockCount;
        var capacities = new long[k];
        for (int b = 0; b < k; b++)
        {
            capacities[b] = cost.Capacity(b);
        }
        var blockOf = new int[g.VertexCount];
        var all = new int[g.VertexCount];
        for (int v = 0; v < all.Length; v++)
        {
            all[v] = v;
        }
        return Split(g, all, capacities, 0, k, blockOf, rng, tries, multilevel) ? blockOf : null;
    }

    private static bool Split(Hypergraph g, int[] vertices, long[] capacities, int lo, int hi, int[] blockOf, SplitMix64 rng, int tries, bool multilevel)
    {
        if (hi - lo == 1)
        {
            foreach (var v in vertices)
            {
                blockOf[v] = lo;
            }
            return true;
        }
        int mid = (lo + hi) / 2;
        long capA = 0, capB = 0, weight = 0;
        for (int b = lo; b < hi; b++)
        {
            if (b < mid)
            {
                capA += capacities[b];
            }
            else
            {
                capB += capacities[b];
            }
        }
        foreach (var v in vertices)
        {
            weight += g.VertexWeight(v);
        }
        int depth = (int)Math.Ceiling(Math.Log2(hi - lo));
        double slack = weight == 0 ? 0 : Math.Max(0, ((double)(capA + capB) / weight) - 1);
        double factor = Math.Pow(1 + slack, 1.0 / depth);
        long limitA = Math.Min(capA, (long)Math.Ceiling(weight * (double)capA / (capA + capB) * factor));
        long limitB = Math.Min(capB, (long)Math.Ceiling(weight * (double)capB / (capA + capB) * factor));
        var sub = Induced(g, vertices);
        var bisection = new AllToAllBlockCost([limitA, limitB]);
        // On netlists each bisection is itself multilevel (as in KaHyPar): flat FM on a coarsest
        // level of 160·k vertices stalls far from a good cut when k is 8 or more.
        var side = multilevel
            ? new MultilevelRun(sub, bisection, new PartitionOptions { InitialTries = tries, VCycles = 1, LocalSearch = false }, rng.NextULong(), 160, true).Run().BlockOf
            : InitialPartitioner.Run(sub, bisection, rng, tries);
        if (side is null)
        {
            return false;
        }
        var a = new List<int>();
        var b2 = new List<int>();
        for (int i = 0; i < vertices.Length; i++)
        {
            (side[i] == 0 ? a : b2).Add(vertices[i]);
        }
        return Split(g, [.. a], capacities, lo, mid, blockOf, rng, tries, multilevel)
            && Split(g, [.. b2], capacities, mid, hi, blockOf, rng, tries, multilevel);
    }

    /// <summary>The sub-hypergraph on <paramref name="vertices"/> (local ids in their order), nets cut down to their pins there.</summary>
    private static Hypergraph Induced(Hypergraph g, int[] vertices)
    {
        var local = new int[g.VertexCount];
        Array.Fill(local, -1);
        var weights = new int[vertices.Length];
        for (int i = 0; i < vertices.Length; i++)
        {
            local[vertices[i]] = i;
            weights[i] = g.VertexWeight(vertices[i]);
        }
        var offsets = new List<int> { 0 };
        var pins = new List<int>();
        var netWeights = new List<int>();
        for (int e = 0; e < g.NetCount; e++)
        {
            int start = pins.Count;
            foreach (var p in g.Pins(e))
            {
                if (local[p] >= 0)
                {
                    pins.Add(local[p]);
                }
            }
            if (pins.Count - start < 2)
            {
                pins.RemoveRange(start, pins.Count - start);
                continue;
            }
            offsets.Add(pins.Count);
            netWeights.Add(g.NetWeight(e));
        }
        return new Hypergraph(weights, [.. netWeights], [.. offsets], [.. pins]);
    }
}
