namespace Qdc.Compiler.Graphs;

/// <summary>Maximum matchings in general (non-bipartite) graphs.</summary>
public static class MaximumMatching
{
    /// <summary>Exact limit for <see cref="MaximumWeight"/>: a DP over vertex subsets, 2^n entries.</summary>
    public const int ExactWeightVertexLimit = 20;

    /// <summary>A maximum-cardinality matching, exact, by Edmonds' blossom algorithm (O(n³)).</summary>
    public static Matching MaximumCardinality(IUndirectedGraph graph) =>
        new(graph, new Blossom(graph).Run());

    /// <summary>
    /// A maximum-weight matching: exact up to <see cref="ExactWeightVertexLimit"/> vertices;
    /// above that greedy by weight followed by single-edge swaps while they gain (a ½-approximation
    /// at worst).
    /// </summary>
    public static Matching MaximumWeight(IUndirectedGraph graph) =>
        graph.VertexCount <= ExactWeightVertexLimit ? ExactWeight(graph) : ImprovedGreedy(graph);

    /// <summary>Heaviest edge first (ties by edge index); a ½-approximation of the maximum weight.</summary>
    public static Matching Greedy(IUndirectedGraph graph) => new(graph, GreedyEdges(graph));

    private static List<int> GreedyEdges(IUndirectedGraph graph)
    {
        var used = new bool[graph.VertexCount];
        var chosen = new List<int>();
        var order = Enumerable.Range(0, graph.Edges.Count)
            .OrderByDescending(i => graph.Edges[i].Weight)
            .ThenBy(i => i);
        foreach (int i in order)
        {
            var e = graph.Edges[i];
            if (e.Source != e.Target && e.Weight > 0 && !used[e.Source] && !used[e.Target])
            {
                used[e.Source] = used[e.Target] = true;
                chosen.Add(i);
            }
        }
        return chosen;
    }

    private static Matching ExactWeight(IUndirectedGraph graph)
    {
        int n = graph.VertexCount;
        int size = 1 << n;
        var best = new double[size];
        var choice = new int[size];
        // best[mask] = heaviest matching inside mask; its lowest vertex is either left alone or
        // matched to a neighbour inside mask.
        for (int mask = 1; mask < size; mask++)
        {
            int i = System.Numerics.BitOperations.TrailingZeroCount(mask);
            int rest = mask & (mask - 1);
            best[mask] = best[rest];
            choice[mask] = -1;
            foreach (var nb in graph.Neighbors(i))
            {
                int j = nb.Vertex;
                if (j == i || (rest & (1 << j)) == 0)
                {
                    continue;
                }
                double w = nb.Weight + best[rest & ~(1 << j)];
                if (w > best[mask])
                {
                    best[mask] = w;
                    choice[mask] = nb.EdgeIndex;
                }
            }
        }
        var edges = new List<int>();
        for (int mask = size - 1; mask != 0;)
        {
            int e = choice[mask];
            int low = mask & -mask;
            if (e < 0)
            {
                mask &= ~low;
                continue;
            }
            edges.Add(e);
            var edge = graph.Edges[e];
            mask &= ~(1 << edge.Source) & ~(1 << edge.Target);
        }
        return new Matching(graph, edges);
    }

    private static Matching ImprovedGreedy(IUndirectedGraph graph)
    {
        int n = graph.VertexCount;
        var mateEdge = new int[n];
        Array.Fill(mateEdge, -1);
        foreach (int i in GreedyEdges(graph))
        {
            mateEdge[graph.Edges[i].Source] = mateEdge[graph.Edges[i].Target] = i;
        }
        double Held(int v) => mateEdge[v] < 0 ? 0 : graph.Edges[mateEdge[v]].Weight;
        bool improved = true;
        while (improved)
        {
            improved = false;
            for (int i = 0; i < graph.Edges.Count; i++)
            {
                var e = graph.Edges[i];
                if (e.Source == e.Target || mateEdge[e.Source] == i)
                {
                    continue;
                }
                // Taking e drops whatever its endpoints held; do it only for a strict gain.
                if (e.Weight > Held(e.Source) + Held(e.Target))
                {
                    foreach (int v in new[] { e.Source, e.Target })
                    {
                        if (mateEdge[v] >= 0)
                        {
                            var old = graph.Edges[mateEdge[v]];
                            mateEdge[old.Source] = mateEdge[old.Target] = -1;
                        }
                    }
                    mateEdge[e.Source] = mateEdge[e.Target] = i;
                    improved = true;
                }
            }
        }
        return new Matching(graph, mateEdge.Where(i => i >= 0).Distinct());
    }
}
