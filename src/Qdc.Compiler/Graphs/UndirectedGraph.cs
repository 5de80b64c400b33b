namespace Qdc.Compiler.Graphs;

/// <summary>
/// An immutable adjacency-list graph over vertices 0..n-1. Adjacency lists are sorted so that every
/// traversal, and so every result built on one, is deterministic.
/// </summary>
public sealed class UndirectedGraph : IUndirectedGraph
{
    private readonly WeightedEdge[] _edges;
    private readonly Neighbor[][] _adjacency;

    public UndirectedGraph(int vertexCount, IEnumerable<WeightedEdge> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        VertexCount = vertexCount;
        _edges = [.. edges];
        var lists = new List<Neighbor>[vertexCount];
        for (int v = 0; v < vertexCount; v++)
        {
            lists[v] = [];
        }
        for (int i = 0; i < _edges.Length; i++)
        {
            var e = _edges[i];
            if ((uint)e.Source >= (uint)vertexCount || (uint)e.Target >= (uint)vertexCount)
            {
                throw new ArgumentException($"edge {i} ({e.Source}, {e.Target}) names a vertex outside 0..{vertexCount - 1}", nameof(edges));
            }
            if (e.Weight < 0 || double.IsNaN(e.Weight))
            {
                throw new ArgumentException($"edge {i} has a negative or NaN weight", nameof(edges));
            }
            lists[e.Source].Add(new Neighbor(e.Target, e.Weight, i));
            if (e.Target != e.Source)
            {
                lists[e.Target].Add(new Neighbor(e.Source, e.Weight, i));
            }
        }
        _adjacency = new Neighbor[vertexCount][];
        for (int v = 0; v < vertexCount; v++)
        {
            lists[v].Sort(static (x, y) => x.Vertex != y.Vertex ? x.Vertex.CompareTo(y.Vertex) : x.EdgeIndex.CompareTo(y.EdgeIndex));
            _adjacency[v] = [.. lists[v]];
        }
    }

    /// <summary>A graph whose every edge has weight 1 (hop counts).</summary>
    public static UndirectedGraph Unweighted(int vertexCount, IEnumerable<(int A, int B)> edges) =>
        new(vertexCount, edges.Select(e => new WeightedEdge(e.A, e.B, 1.0)));

    public int VertexCount { get; }

    public IReadOnlyList<WeightedEdge> Edges => _edges;

    public IReadOnlyList<Neighbor> Neighbors(int vertex) => _adjacency[vertex];
}
