namespace Qdc.Compiler.Graphs;

/// <summary>
/// Connected components, numbered in order of their smallest vertex so the numbering is stable.
/// </summary>
public sealed class ConnectedComponents
{
    private readonly int[] _componentOf;

    private ConnectedComponents(int[] componentOf, IReadOnlyList<IReadOnlyList<int>> components)
    {
        _componentOf = componentOf;
        Components = components;
    }

    /// <summary>Each component's vertices in increasing order; components ordered by their first vertex.</summary>
    public IReadOnlyList<IReadOnlyList<int>> Components { get; }

    public int Count => Components.Count;

    public int ComponentOf(int vertex) => _componentOf[vertex];

    public static ConnectedComponents Compute(IUndirectedGraph graph)
    {
        var componentOf = new int[graph.VertexCount];
        Array.Fill(componentOf, -1);
        var components = new List<IReadOnlyList<int>>();
        var stack = new Stack<int>();
        for (int start = 0; start < graph.VertexCount; start++)
        {
            if (componentOf[start] >= 0)
            {
                continue;
            }
            int id = components.Count;
            var members = new List<int>();
            componentOf[start] = id;
            stack.Push(start);
            while (stack.Count > 0)
            {
                int u = stack.Pop();
                members.Add(u);
                foreach (var n in graph.Neighbors(u))
                {
                    if (componentOf[n.Vertex] < 0)
                    {
                        componentOf[n.Vertex] = id;
                        stack.Push(n.Vertex);
                    }
                }
            }
            members.Sort();
            components.Add(members);
        }
        return new ConnectedComponents(componentOf, components);
    }
}
