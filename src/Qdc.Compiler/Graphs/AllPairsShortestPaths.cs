namespace Qdc.Compiler.Graphs;

/// <summary>
/// Shortest paths between every pair, by Dijkstra from each source (the graphs here are sparse and
/// small, so n Dijkstras beat Floyd–Warshall and give the same tie-breaking as single-source queries).
/// </summary>
public sealed class AllPairsShortestPaths
{
    private readonly ShortestPathTree[] _trees;

    public AllPairsShortestPaths(IUndirectedGraph graph)
    {
        _trees = new ShortestPathTree[graph.VertexCount];
        for (int s = 0; s < graph.VertexCount; s++)
        {
            _trees[s] = ShortestPathTree.Compute(graph, s);
        }
    }

    public int VertexCount => _trees.Length;

    public double Distance(int from, int to) => _trees[from].Distance(to);

    /// <summary>The vertices from <paramref name="from"/> to <paramref name="to"/>; empty if unreachable.</summary>
    public IReadOnlyList<int> Path(int from, int to) => _trees[from].PathTo(to);

    public ShortestPathTree From(int source) => _trees[source];
}
