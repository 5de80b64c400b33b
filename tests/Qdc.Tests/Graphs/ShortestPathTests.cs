using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

public class ShortestPathTests
{
    [Fact]
    public void DijkstraMatchesFloydWarshallAndPathsAddUp()
    {
        foreach (int seed in RandomGraphs.Seeds(60))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, rng.Next(1, 10), rng.NextDouble());
            var reference = RandomGraphs.FloydWarshall(g);
            var apsp = new AllPairsShortestPaths(g);
            for (int a = 0; a < g.VertexCount; a++)
            {
                for (int b = 0; b < g.VertexCount; b++)
                {
                    Assert.Equal(reference[a, b], apsp.Distance(a, b));
                    var path = apsp.Path(a, b);
                    if (double.IsPositiveInfinity(reference[a, b]))
                    {
                        Assert.Empty(path);
                        continue;
                    }
                    Assert.Equal(a, path[0]);
                    Assert.Equal(b, path[^1]);
                    double sum = 0;
                    for (int i = 0; i + 1 < path.Count; i++)
                    {
                        sum += g.Neighbors(path[i]).Where(nb => nb.Vertex == path[i + 1]).Min(nb => nb.Weight);
                    }
                    Assert.Equal(reference[a, b], sum);
                }
            }
        }
    }

    [Fact]
    public void HopDistancesMatchFloydWarshallWithUnitWeights()
    {
        foreach (int seed in RandomGraphs.Seeds(40))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, rng.Next(1, 12), rng.NextDouble(), maxWeight: 1);
            var reference = RandomGraphs.FloydWarshall(g);
            var hops = BreadthFirst.AllHopDistances(g);
            for (int a = 0; a < g.VertexCount; a++)
            {
                for (int b = 0; b < g.VertexCount; b++)
                {
                    Assert.Equal(double.IsPositiveInfinity(reference[a, b]) ? BreadthFirst.Unreachable : (int)reference[a, b], hops[a][b]);
                }
            }
        }
    }

    [Fact]
    public void TiesGoToTheSmallerPredecessorWhateverTheEdgeOrder()
    {
        // A 4-cycle 0-1-3-2-0: two equally short routes from 0 to 3, via 1 and via 2.
        (int, int)[] edges = [(0, 1), (1, 3), (0, 2), (2, 3)];
        var forward = UndirectedGraph.Unweighted(4, edges);
        var backward = UndirectedGraph.Unweighted(4, edges.Reverse());
        Assert.Equal([0, 1, 3], new AllPairsShortestPaths(forward).Path(0, 3));
        Assert.Equal([0, 1, 3], new AllPairsShortestPaths(backward).Path(0, 3));
        Assert.Equal([3, 1, 0], new AllPairsShortestPaths(backward).Path(3, 0));
    }

    [Fact]
    public void ConnectedComponentsAgreeWithReachability()
    {
        foreach (int seed in RandomGraphs.Seeds(40))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, rng.Next(0, 12), rng.NextDouble() * 0.4);
            var reference = RandomGraphs.FloydWarshall(g);
            var cc = ConnectedComponents.Compute(g);
            for (int a = 0; a < g.VertexCount; a++)
            {
                for (int b = 0; b < g.VertexCount; b++)
                {
                    Assert.Equal(!double.IsPositiveInfinity(reference[a, b]), cc.ComponentOf(a) == cc.ComponentOf(b));
                }
            }
            Assert.Equal(Enumerable.Range(0, g.VertexCount), cc.Components.SelectMany(c => c).Order());
            Assert.True(cc.Components.Select(c => c[0]).SequenceEqual(cc.Components.Select(c => c[0]).Order()));
        }
    }

    [Fact]
    public void GraphRejectsBadEdges()
    {
        Assert.Throws<ArgumentException>(() => new UndirectedGraph(2, [new WeightedEdge(0, 2, 1)]));
        Assert.Throws<ArgumentException>(() => new UndirectedGraph(2, [new WeightedEdge(0, 1, -1)]));
    }
}
