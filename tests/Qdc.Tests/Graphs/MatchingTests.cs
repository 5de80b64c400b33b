using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

public class MatchingTests
{
    [Fact]
    public void BlossomFindsAMaximumCardinalityMatching()
    {
        foreach (int seed in RandomGraphs.Seeds(120))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, rng.Next(0, 11), rng.NextDouble() * 0.6);
            var m = MaximumMatching.MaximumCardinality(g);
            AssertIsMatching(g, m);
            Assert.Equal(BruteForce(g, _ => 1), m.Count);
        }
    }

    [Fact]
    public void BlossomHandlesOddCyclesThatDefeatSimpleAugmentation()
    {
        // Two triangles joined by a path: 0-1-2-0, 2-3, 3-4, 4-5-6-4, plus a pendant 7 on 0.
        var g = UndirectedGraph.Unweighted(8, [(0, 1), (1, 2), (2, 0), (2, 3), (3, 4), (4, 5), (5, 6), (6, 4), (0, 7)]);
        Assert.Equal(4, MaximumMatching.MaximumCardinality(g).Count);
    }

    [Fact]
    public void ExactWeightMatchesBruteForce()
    {
        foreach (int seed in RandomGraphs.Seeds(120))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, rng.Next(0, 11), rng.NextDouble() * 0.7, maxWeight: 9);
            var m = MaximumMatching.MaximumWeight(g);
            AssertIsMatching(g, m);
            Assert.Equal(BruteForce(g, e => e.Weight), m.Weight);
            Assert.True(MaximumMatching.Greedy(g).Weight * 2 >= m.Weight);
        }
    }

    [Fact]
    public void LargeGraphsGetAValidMatchingAtLeastAsHeavyAsGreedy()
    {
        foreach (int seed in RandomGraphs.Seeds(10))
        {
            var rng = new Random(seed);
            var g = RandomGraphs.Simple(rng, 40, 0.15, maxWeight: 20);
            var m = MaximumMatching.MaximumWeight(g);
            AssertIsMatching(g, m);
            Assert.True(m.Weight >= MaximumMatching.Greedy(g).Weight);
        }
    }

    private static void AssertIsMatching(IUndirectedGraph g, Matching m)
    {
        var used = new HashSet<int>();
        foreach (int i in m.EdgeIndices)
        {
            var e = g.Edges[i];
            Assert.True(used.Add(e.Source) && used.Add(e.Target));
            Assert.Equal(e.Target, m.Mate(e.Source));
            Assert.Equal(e.Source, m.Mate(e.Target));
        }
        Assert.Equal(m.EdgeIndices.Sum(i => g.Edges[i].Weight), m.Weight);
        Assert.All(Enumerable.Range(0, g.VertexCount).Where(v => !used.Contains(v)), v => Assert.Equal(-1, m.Mate(v)));
    }

    private static double BruteForce(IUndirectedGraph g, Func<WeightedEdge, double> value)
    {
        double Best(int free)
        {
            if (free == 0)
            {
                return 0;
            }
            int v = System.Numerics.BitOperations.TrailingZeroCount(free);
            int rest = free & ~(1 << v);
            double best = Best(rest);
            foreach (var nb in g.Neighbors(v))
            {
                if ((rest >> nb.Vertex & 1) == 1)
                {
                    best = Math.Max(best, value(g.Edges[nb.EdgeIndex]) + Best(rest & ~(1 << nb.Vertex)));
                }
            }
            return best;
        }
        return Best((1 << g.VertexCount) - 1);
    }
}
