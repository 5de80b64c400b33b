namespace Qdc.Compiler.Graphs;

/// <summary>
/// The little the algorithms here need from a graph: vertices 0..n-1, indexed weighted edges and
/// adjacency lists. Shaped like QuikGraph's IUndirectedGraph so that it could stand in later.
/// </summary>
public interface IUndirectedGraph
{
    int VertexCount { get; }

    IReadOnlyList<WeightedEdge> Edges { get; }

    /// <summary>Neighbours of <paramref name="vertex"/>, sorted by vertex id then edge index.</summary>
    IReadOnlyList<Neighbor> Neighbors(int vertex);
}
