namespace Qdc.Compiler.Graphs;

/// <summary>Unweighted distances: hop counts from one source.</summary>
public static class BreadthFirst
{
    public const int Unreachable = -1;

    /// <summary>Hops from <paramref name="source"/> to every vertex; <see cref="Unreachable"/> where there is no path.</summary>
    public static int[] HopDistances(IUndirectedGraph graph, int source)
    {
        var dist = new int[graph.VertexCount];
        Array.Fill(dist, Unreachable);
        var queue = new Queue<int>();
        dist[source] = 0;
        queue.Enqueue(source);
        while (queue.Count > 0)
        {
            int u = queue.Dequeue();
            foreach (var n in graph.Neighbors(u))
            {
                if (dist[n.Vertex] == Unreachable)
                {
                    dist[n.Vertex] = dist[u] + 1;
                    queue.Enqueue(n.Vertex);
                }
            }
        }
        return dist;
    }

    /// <summary>The all-pairs hop matrix, row per source.</summary>
    public static int[][] AllHopDistances(IUndirectedGraph graph)
    {
        var rows = new int[graph.VertexCount][];
        for (int s = 0; s < graph.VertexCount; s++)
        {
            rows[s] = HopDistances(graph, s);
        }
        return rows;
    }
}
