namespace Qdc.Compiler.Graphs;

/// <summary>An immutable directed graph over vertices 0..n-1, successor lists sorted by id.</summary>
public sealed class DirectedGraph
{
    private readonly int[][] _successors;

    public DirectedGraph(int vertexCount, IEnumerable<(int From, int To)> arcs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        var lists = new List<int>[vertexCount];
        for (int v = 0; v < vertexCount; v++)
        {
            lists[v] = [];
        }
        int count = 0;
        foreach (var (from, to) in arcs)
        {
            if ((uint)from >= (uint)vertexCount || (uint)to >= (uint)vertexCount)
            {
                throw new ArgumentException($"arc ({from}, {to}) names a vertex outside 0..{vertexCount - 1}", nameof(arcs));
            }
            lists[from].Add(to);
            count++;
        }
        _successors = [.. lists.Select(l => { l.Sort(); return l.ToArray(); })];
        ArcCount = count;
    }

    public int VertexCount => _successors.Length;

    public int ArcCount { get; }

    public IReadOnlyList<int> Successors(int vertex) => _successors[vertex];
}
