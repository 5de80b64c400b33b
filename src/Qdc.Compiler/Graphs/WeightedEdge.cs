namespace Qdc.Compiler.Graphs;

/// <summary>An undirected edge between two vertices with a non-negative weight.</summary>
public readonly record struct WeightedEdge(int Source, int Target, double Weight)
{
    /// <summary>The endpoint that is not <paramref name="vertex"/>.</summary>
    public int Other(int vertex) => vertex == Source ? Target : Source;
}
