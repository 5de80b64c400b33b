namespace Qdc.Compiler.Graphs;

/// <summary>A set of vertex-disjoint edges, with each vertex's mate.</summary>
public sealed class Matching
{
    private readonly int[] _mate;

    internal Matching(IUndirectedGraph graph, IEnumerable<int> edgeIndices)
    {
        EdgeIndices = [.. edgeIndices.Order()];
        _mate = new int[graph.VertexCount];
        Array.Fill(_mate, -1);
        double weight = 0;
        foreach (int i in EdgeIndices)
        {
            var e = graph.Edges[i];
            _mate[e.Source] = e.Target;
            _mate[e.Target] = e.Source;
            weight += e.Weight;
        }
        Weight = weight;
    }

    /// <summary>Indices into the graph's edge list, increasing.</summary>
    public IReadOnlyList<int> EdgeIndices { get; }

    public int Count => EdgeIndices.Count;

    public double Weight { get; }

    /// <summary>The vertex matched to <paramref name="vertex"/>, or -1.</summary>
    public int Mate(int vertex) => _mate[vertex];
}
