namespace Qdc.Compiler.Graphs;

/// <summary>
/// Shortest paths between every pair, by Dijkstra from each source (the graphs here are sparse and
/// small, so n Dijkstras beat Floyd–Warshall and give the same tie-breaking as single-source queries).
/// </summary>
public sealed class AllPairsShortestPaths
{
    private readonly ShortestPathTree[] _trees;
    private readonly double[] _distance;

    public AllPairsShortestPaths(IUndirectedGraph graph)
    {
        int n = graph.VertexCount;
        _trees = new ShortestPathTree[n];
        // A flat copy of the distances: the Steiner programmes read them in their inner loops.
        _distance = new double[n * n];
        for (int s = 0; s < n; s++)
        {
            _trees[s] = ShortestPathTree.Compute(graph, s);
            for (int t = 0; t < n; t++)
            {
                _distance[s * n + t] = _trees[s].Distance(t);
            }
        }
    }

    public int VertexCount => _trees.Length;

    public double Distance(int from, int to) => _distance[from * _trees.Length + to];

    /// <summary>Row <paramref name="from"/> of the distance matrix.</summary>
    public ReadOnlySpan<double> DistancesFrom(int from) => _distance.AsSpan(from * _trees.Length, _trees.Length);

    /// <summary>The vertices from <paramref name="from"/> to <paramref name="to"/>; empty if unreachable.</summary>
    public IReadOnlyList<int> Path(int from, int to) => _trees[from].PathTo(to);

    public ShortestPathTree From(int source) => _trees[source];
}
