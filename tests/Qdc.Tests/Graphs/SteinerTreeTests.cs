using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

public class SteinerTreeTests
{
    [Fact]
    public void ExactTreeMatchesBruteForceOnSmallGraphs()
    {
        foreach (int seed in RandomGraphs.Seeds(150))
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 9);
            var g = RandomGraphs.Simple(rng, n, 0.3 + rng.NextDouble() * 0.7);
            var terminals = Enumerable.Range(0, n).Where(_ => rng.NextDouble() < 0.5).ToList();
            var tree = SteinerTree.Compute(g, terminals);
            double best = BruteForce(g, terminals);
            Assert.True(tree.IsExact);
            Assert.Equal(best, tree.Cost);
            Assert.Equal(best, SteinerTree.MinimumCost(g, [.. terminals, .. terminals.Take(1)], new AllPairsShortestPaths(g)));
            if (tree.Spans)
            {
                AssertIsTreeOver(g, tree, terminals);
            }
        }
    }

    [Fact]
    public void ApproximationAboveTheExactLimitIsWithinTwiceTheOptimum()
    {
        foreach (int seed in RandomGraphs.Seeds(25))
        {
            var rng = new Random(seed);
            int n = rng.Next(12, 15);
            var g = RandomGraphs.Simple(rng, n, 0.35);
            var terminals = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(SteinerTree.ExactTerminalLimit + 1 + rng.Next(2)).ToList();
            var tree = SteinerTree.Compute(g, terminals);
            double best = BruteForce(g, terminals);
            Assert.False(tree.IsExact);
            Assert.Equal(double.IsPositiveInfinity(best), !tree.Spans);
            if (tree.Spans)
            {
                Assert.InRange(tree.Cost, best, 2 * best);
                AssertIsTreeOver(g, tree, terminals);
            }
        }
    }

    [Fact]
    public void AllSubsetCostsMatchBruteForce()
    {
        foreach (int seed in RandomGraphs.Seeds(30))
        {
            var rng = new Random(seed);
            int n = rng.Next(1, 9);
            var g = RandomGraphs.Simple(rng, n, 0.3 + rng.NextDouble() * 0.7);
            var costs = SteinerSubsetCosts.Compute(g);
            for (int mask = 0; mask < 1 << n; mask++)
            {
                var terminals = Enumerable.Range(0, n).Where(v => (mask >> v & 1) == 1).ToList();
                Assert.Equal(BruteForce(g, terminals), costs[mask]);
            }
        }
    }

    [Fact]
    public void OnAStarTheCentreIsASteinerVertex()
    {
        var star = UndirectedGraph.Unweighted(5, [(0, 1), (0, 2), (0, 3), (0, 4), (1, 2), (2, 3)]);
        var tree = SteinerTree.Compute(star, [1, 3, 4]);
        Assert.Equal(3, tree.Cost);
        Assert.Equal([0, 1, 3, 4], tree.Vertices);
        Assert.Equal([0, 2, 3], tree.EdgeIndices);
    }

    [Fact]
    public void TrivialAndUnreachableTerminalSets()
    {
        var g = UndirectedGraph.Unweighted(4, [(0, 1), (2, 3)]);
        Assert.Equal(0, SteinerTree.Compute(g, []).Cost);
        Assert.Equal(0, SteinerTree.Compute(g, [2, 2]).Cost);
        Assert.False(SteinerTree.Compute(g, [0, 3]).Spans);
    }

    [Fact]
    public void ResultDoesNotDependOnTerminalOrder()
    {
        var rng = new Random(7);
        var g = RandomGraphs.Simple(rng, 9, 0.5, maxWeight: 1);
        var a = SteinerTree.Compute(g, [8, 1, 5, 3]);
        var b = SteinerTree.Compute(g, [3, 5, 1, 8, 8]);
        Assert.Equal(a.EdgeIndices, b.EdgeIndices);
    }

    private static void AssertIsTreeOver(IUndirectedGraph g, SteinerTree tree, IReadOnlyCollection<int> terminals)
    {
        var edges = tree.EdgeIndices.Select(i => g.Edges[i]).ToList();
        if (terminals.Distinct().Count() <= 1)
        {
            Assert.Empty(edges);
            return;
        }
        Assert.Equal(tree.Cost, edges.Sum(e => e.Weight));
        var vertices = edges.SelectMany(e => new[] { e.Source, e.Target }).Concat(terminals).Distinct().ToList();
        Assert.Equal(vertices.Count - 1, edges.Count);
        var sub = new UndirectedGraph(g.VertexCount, edges);
        var cc = ConnectedComponents.Compute(sub);
        Assert.All(vertices, v => Assert.Equal(cc.ComponentOf(vertices[0]), cc.ComponentOf(v)));
        foreach (int v in vertices.Where(v => !terminals.Contains(v)))
        {
            Assert.True(sub.Neighbors(v).Count >= 2, $"non-terminal {v} is a leaf");
        }
    }

    /// <summary>The cheapest MST over any vertex set that contains the terminals and induces a connected graph.</summary>
    internal static double BruteForce(IUndirectedGraph g, IReadOnlyCollection<int> terminals)
    {
        var distinct = terminals.Distinct().ToList();
        if (distinct.Count <= 1)
        {
            return 0;
        }
        int n = g.VertexCount;
        int required = distinct.Aggregate(0, (m, t) => m | (1 << t));
        double best = double.PositiveInfinity;
        for (int set = 0; set < 1 << n; set++)
        {
            if ((set & required) == required)
            {
                best = Math.Min(best, SpanningTreeCost(g, set));
            }
        }
        return best;
    }

    private static double SpanningTreeCost(IUndirectedGraph g, int set)
    {
        var parent = Enumerable.Range(0, g.VertexCount).ToArray();
        int Find(int x) => parent[x] == x ? x : parent[x] = Find(parent[x]);
        double cost = 0;
        int joined = 0;
        foreach (var e in g.Edges.Where(e => (set >> e.Source & 1) == 1 && (set >> e.Target & 1) == 1).OrderBy(e => e.Weight))
        {
            int a = Find(e.Source), b = Find(e.Target);
            if (a != b)
            {
                parent[a] = b;
                cost += e.Weight;
                joined++;
            }
        }
        return joined == System.Numerics.BitOperations.PopCount((uint)set) - 1 ? cost : double.PositiveInfinity;
    }
}
