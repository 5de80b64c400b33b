namespace Qdc.Compiler.Graphs;

/// <summary>One entry of an adjacency list: the vertex reached, the edge's weight and its index.</summary>
public readonly record struct Neighbor(int Vertex, double Weight, int EdgeIndex);
