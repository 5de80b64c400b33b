using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

/// <summary>Small seeded random graphs for checking the algorithms against brute force.</summary>
internal static class RandomGraphs
{
    /// <summary>A simple graph (no loops, no parallel edges) with integer weights in 1..maxWeight.</summary>
    public static UndirectedGraph Simple(Random rng, int n, double density, int maxWeight = 5)
    {
        var edges = new List<WeightedEdge>();
        for (int a = 0; a < n; a++)
        {
            for (int b = a + 1; b < n; b++)
            {
                if (rng.NextDouble() < density)
                {
                    edges.Add(rng.Next(2) == 0 ? new WeightedEdge(a, b, rng.Next(1, maxWeight + 1)) : new WeightedEdge(b, a, rng.Next(1, maxWeight + 1)));
                }
            }
        }
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(edges));
        return new UndirectedGraph(n, edges);
    }

    /// <summary>Floyd–Warshall distances: the independent reference for shortest paths.</summary>
    public static double[,] FloydWarshall(IUndirectedGraph g)
    {
        int n = g.VertexCount;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                d[i, j] = i == j ? 0 : double.PositiveInfinity;
            }
        }
        foreach (var e in g.Edges)
        {
            d[e.Source, e.Target] = d[e.Target, e.Source] = Math.Min(d[e.Source, e.Target], e.Weight);
        }
        for (int k = 0; k < n; k++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    d[i, j] = Math.Min(d[i, j], d[i, k] + d[k, j]);
                }
            }
        }
        return d;
    }

    public static IEnumerable<int> Seeds(int count) => Enumerable.Range(1, count);
}
