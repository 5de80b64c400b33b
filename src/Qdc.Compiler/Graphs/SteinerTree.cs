namespace Qdc.Compiler.Graphs;

/// <summary>
/// A minimum Steiner tree: the cheapest set of edges connecting all terminals, possibly through other
/// vertices. Exact (Dreyfus–Wagner) up to <see cref="ExactTerminalLimit"/> terminals, where its
/// 3^k·n cost is still small; above that the metric-closure MST heuristic (Kou–Markowsky–Berman),
/// which is within a factor 2 of optimal. Both are deterministic.
/// </summary>
public sealed class SteinerTree
{
    public const int ExactTerminalLimit = 10;

    private SteinerTree(double cost, IReadOnlyList<int> edges, IReadOnlyList<int> vertices, bool isExact)
    {
        Cost = cost;
        EdgeIndices = edges;
        Vertices = vertices;
        IsExact = isExact;
    }

    /// <summary>Sum of the tree's edge weights; +∞ when some terminals cannot reach each other.</summary>
    public double Cost { get; }

    /// <summary>Indices into the graph's edge list, increasing.</summary>
    public IReadOnlyList<int> EdgeIndices { get; }

    /// <summary>Every vertex the tree touches (terminals and Steiner vertices), increasing.</summary>
    public IReadOnlyList<int> Vertices { get; }

    /// <summary>True when the tree is provably minimal (few enough terminals for the exact method).</summary>
    public bool IsExact { get; }

    public bool Spans => !double.IsPositiveInfinity(Cost);

    public static SteinerTree Compute(IUndirectedGraph graph, IEnumerable<int> terminals, AllPairsShortestPaths? paths = null)
    {
        int[] t = [.. terminals.Distinct().Order()];
        if (t.Length <= 1)
        {
            return new SteinerTree(0, [], t, isExact: true);
        }
        paths ??= new AllPairsShortestPaths(graph);
        for (int i = 1; i < t.Length; i++)
        {
            if (double.IsPositiveInfinity(paths.Distance(t[0], t[i])))
            {
                return new SteinerTree(double.PositiveInfinity, [], [], isExact: t.Length <= ExactTerminalLimit);
            }
        }
        bool exact = t.Length <= ExactTerminalLimit;
        var edges = new HashSet<int>();
        if (exact)
        {
            new DreyfusWagner(graph, paths, t, edges).Run();
        }
        else
        {
            MetricClosureEdges(graph, paths, t, edges);
        }
        return Tidy(graph, t, edges, exact);
    }

    /// <summary>
    /// The weight of a minimum Steiner tree without building it: exact up to
    /// <see cref="ExactTerminalLimit"/> terminals (closed forms for two and three, else
    /// Dreyfus–Wagner's table alone), the heuristic tree's weight above. +∞ when they cannot be joined.
    /// </summary>
    public static double MinimumCost(IUndirectedGraph graph, IReadOnlyList<int> terminals, AllPairsShortestPaths paths)
    {
        if (terminals.Count > 1 && terminals.Distinct().Count() < terminals.Count)
        {
            terminals = [.. terminals.Distinct()];
        }
        int k = terminals.Count;
        if (k > ExactTerminalLimit)
        {
            return Compute(graph, terminals, paths).Cost;
        }
        switch (k)
        {
            case <= 1:
                return 0;
            case 2:
                return paths.Distance(terminals[0], terminals[1]);
            case 3:
                {
                    // A tree over three terminals is three shortest paths meeting at one vertex.
                    var a = paths.DistancesFrom(terminals[0]);
                    var b = paths.DistancesFrom(terminals[1]);
                    var c = paths.DistancesFrom(terminals[2]);
                    double best = double.PositiveInfinity;
                    for (int v = 0; v < a.Length; v++)
                    {
                        best = Math.Min(best, a[v] + b[v] + c[v]);
                    }
                    return best;
                }
            default:
                return DreyfusWagner.Cost(graph.VertexCount, paths, terminals);
        }
    }

    // Prim's MST over the terminals with shortest-path distances, each closure edge expanded to its path.
    private static void MetricClosureEdges(IUndirectedGraph graph, AllPairsShortestPaths paths, int[] t, HashSet<int> edges)
    {
        int k = t.Length;
        var inTree = new bool[k];
        var best = new double[k];
        var bestFrom = new int[k];
        Array.Fill(best, double.PositiveInfinity);
        best[0] = 0;
        bestFrom[0] = -1;
        for (int round = 0; round < k; round++)
        {
            int pick = -1;
            for (int i = 0; i < k; i++)
            {
                if (!inTree[i] && (pick < 0 || best[i] < best[pick]))
                {
                    pick = i;
                }
            }
            inTree[pick] = true;
            if (bestFrom[pick] >= 0)
            {
                AddPath(graph, paths.Path(t[bestFrom[pick]], t[pick]), edges);
            }
            for (int i = 0; i < k; i++)
            {
                double d = paths.Distance(t[pick], t[i]);
                if (!inTree[i] && d < best[i])
                {
                    best[i] = d;
                    bestFrom[i] = pick;
                }
            }
        }
    }

    internal static void AddPath(IUndirectedGraph graph, IReadOnlyList<int> path, HashSet<int> edges)
    {
        for (int i = 0; i + 1 < path.Count; i++)
        {
            edges.Add(CheapestEdge(graph, path[i], path[i + 1]));
        }
    }

    private static int CheapestEdge(IUndirectedGraph graph, int u, int v)
    {
        int best = -1;
        double weight = double.PositiveInfinity;
        foreach (var n in graph.Neighbors(u))
        {
            if (n.Vertex == v && (n.Weight < weight || (n.Weight == weight && n.EdgeIndex < best)))
            {
                best = n.EdgeIndex;
                weight = n.Weight;
            }
        }
        return best;
    }

    // The union of shortest paths may hold a cycle or a dangling branch: keep a minimum spanning
    // forest of it (Kruskal) and strip leaves that are not terminals. Neither step adds cost.
    private static SteinerTree Tidy(IUndirectedGraph graph, int[] terminals, HashSet<int> candidate, bool exact)
    {
        var order = candidate.OrderBy(i => graph.Edges[i].Weight).ThenBy(i => i).ToList();
        var parent = new Dictionary<int, int>();
        int Find(int x)
        {
            while (parent.TryGetValue(x, out int p) && p != x)
            {
                x = p;
            }
            return x;
        }
        var kept = new List<int>();
        foreach (int i in order)
        {
            var e = graph.Edges[i];
            int a = Find(e.Source), b = Find(e.Target);
            if (a != b)
            {
                parent[a] = b;
                kept.Add(i);
            }
        }
        var isTerminal = new HashSet<int>(terminals);
        bool pruned = true;
        while (pruned)
        {
            pruned = false;
            var degree = new Dictionary<int, int>();
            foreach (int i in kept)
            {
                var e = graph.Edges[i];
                degree[e.Source] = degree.GetValueOrDefault(e.Source) + 1;
                degree[e.Target] = degree.GetValueOrDefault(e.Target) + 1;
            }
            int removed = kept.RemoveAll(i =>
            {
                var e = graph.Edges[i];
                return (degree[e.Source] == 1 && !isTerminal.Contains(e.Source))
                    || (degree[e.Target] == 1 && !isTerminal.Contains(e.Target));
            });
            pruned = removed > 0;
        }
        kept.Sort();
        var vertices = new SortedSet<int>(terminals);
        double cost = 0;
        foreach (int i in kept)
        {
            vertices.Add(graph.Edges[i].Source);
            vertices.Add(graph.Edges[i].Target);
            cost += graph.Edges[i].Weight;
        }
        return new SteinerTree(cost, kept, [.. vertices], exact);
    }
}
