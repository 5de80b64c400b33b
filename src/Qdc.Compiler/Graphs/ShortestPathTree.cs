namespace Qdc.Compiler.Graphs;

/// <summary>Dijkstra's result from one source: distances and one predecessor per vertex.</summary>
public sealed class ShortestPathTree
{
    private readonly double[] _distance;
    private readonly int[] _predecessor;

    private ShortestPathTree(int source, double[] distance, int[] predecessor)
    {
        Source = source;
        _distance = distance;
        _predecessor = predecessor;
    }

    public int Source { get; }

    /// <summary>The shortest distance, or +∞ where <paramref name="target"/> is unreachable.</summary>
    public double Distance(int target) => _distance[target];

    /// <summary>The previous vertex on the chosen path, or -1 for the source and unreachable vertices.</summary>
    public int Predecessor(int target) => _predecessor[target];

    /// <summary>The vertices from the source to <paramref name="target"/>, both included; empty if unreachable.</summary>
    public IReadOnlyList<int> PathTo(int target)
    {
        if (double.IsPositiveInfinity(_distance[target]))
        {
            return [];
        }
        var path = new List<int>();
        for (int v = target; v >= 0; v = _predecessor[v])
        {
            path.Add(v);
        }
        path.Reverse();
        return path;
    }

    /// <summary>
    /// Dijkstra with non-negative weights. Ties are broken by vertex id: among equally short paths the
    /// one whose predecessor has the smaller id wins, so the result does not depend on edge order.
    /// </summary>
    public static ShortestPathTree Compute(IUndirectedGraph graph, int source)
    {
        int n = graph.VertexCount;
        var dist = new double[n];
        var pred = new int[n];
        var done = new bool[n];
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(pred, -1);
        dist[source] = 0;
        var queue = new PriorityQueue<int, (double, int)>();
        queue.Enqueue(source, (0, source));
        while (queue.TryDequeue(out int u, out var key))
        {
            if (done[u] || key.Item1 > dist[u])
            {
                continue;
            }
            done[u] = true;
            foreach (var nb in graph.Neighbors(u))
            {
                int v = nb.Vertex;
                if (done[v])
                {
                    continue;
                }
                double nd = dist[u] + nb.Weight;
                if (nd < dist[v])
                {
                    dist[v] = nd;
                    pred[v] = u;
                    queue.Enqueue(v, (nd, v));
                }
                else if (nd == dist[v] && u < pred[v])
                {
                    pred[v] = u;
                }
            }
        }
        return new ShortestPathTree(source, dist, pred);
    }
}
