namespace Qdc.Compiler.Graphs;

/// <summary>Kahn's algorithm, always taking the smallest ready vertex, so the order is unique.</summary>
public static class TopologicalOrder
{
    /// <summary>
    /// Orders the vertices so every arc points forward. Returns false when the graph has a cycle;
    /// <paramref name="cycle"/> then holds one cycle's vertices in arc order.
    /// </summary>
    public static bool TryCompute(DirectedGraph graph, out IReadOnlyList<int> order, out IReadOnlyList<int> cycle)
    {
        int n = graph.VertexCount;
        var indegree = new int[n];
        for (int u = 0; u < n; u++)
        {
            foreach (int v in graph.Successors(u))
            {
                indegree[v]++;
            }
        }
        var ready = new PriorityQueue<int, int>();
        for (int v = 0; v < n; v++)
        {
            if (indegree[v] == 0)
            {
                ready.Enqueue(v, v);
            }
        }
        var result = new List<int>(n);
        while (ready.TryDequeue(out int u, out _))
        {
            result.Add(u);
            foreach (int v in graph.Successors(u))
            {
                if (--indegree[v] == 0)
                {
                    ready.Enqueue(v, v);
                }
            }
        }
        if (result.Count == n)
        {
            order = result;
            cycle = [];
            return true;
        }
        order = [];
        cycle = FindCycle(graph, indegree);
        return false;
    }

    // Every vertex left with indegree > 0 has a predecessor also left, so walking predecessors
    // backwards from any of them must revisit a vertex: that loop is a cycle.
    private static List<int> FindCycle(DirectedGraph graph, int[] indegree)
    {
        int n = graph.VertexCount;
        var predecessor = new int[n];
        Array.Fill(predecessor, -1);
        for (int u = n - 1; u >= 0; u--)
        {
            if (indegree[u] == 0)
            {
                continue;
            }
            foreach (int v in graph.Successors(u))
            {
                if (indegree[v] > 0)
                {
                    predecessor[v] = u;
                }
            }
        }
        int start = Array.FindIndex(indegree, d => d > 0);
        var seen = new int[n];
        Array.Fill(seen, -1);
        int at = start;
        int step = 0;
        while (seen[at] < 0)
        {
            seen[at] = step++;
            at = predecessor[at];
        }
        var loop = new List<int> { at };
        for (int v = predecessor[at]; v != at; v = predecessor[v])
        {
            loop.Add(v);
        }
        loop.Reverse();
        return loop;
    }
}
