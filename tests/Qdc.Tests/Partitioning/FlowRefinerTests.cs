using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

public class FlowRefinerTests
{
    // Vertices in random order, each into the block with the most room left: feasible, and a poor cut.
    private static int[] RandomFeasible(Hypergraph g, IBlockCost cost, int seed)
    {
        var rng = new Random(seed);
        var room = Enumerable.Range(0, cost.BlockCount).Select(cost.Capacity).ToArray();
        var blockOf = new int[g.VertexCount];
        foreach (var v in Enumerable.Range(0, g.VertexCount).OrderBy(_ => rng.Next()))
        {
            int b = Array.IndexOf(room, room.Max());
            blockOf[v] = b;
            room[b] -= g.VertexWeight(v);
        }
        return blockOf;
    }

    [Fact]
    public void NeverWorseNeverOverCapacityAndTheObjectiveIsARecount()
    {
        int improved = 0;
        for (int seed = 0; seed < 30; seed++)
        {
            var g = PartitionerTests.Random(300 + seed, 40 + (seed * 7), 60 + (seed * 9), 2 + (seed % 6), 1 + (seed % 3));
            if (g.MaxVertexWeight == 0)
            {
                continue;
            }
            int k = 2 + (seed % 5);
            var cost = new AllToAllBlockCost(BlockCapacities.FromEpsilon(g.TotalVertexWeight + g.MaxVertexWeight * k, k, 0.03 * (seed % 4)));
            var state = new PartitionState(g, cost, RandomFeasible(g, cost, seed));
            Assert.True(state.IsFeasible(), $"seed {seed}: the start does not fit");
            // Half the starts are FM-refined first, where flows must find what FM missed.
            if (seed % 2 == 1)
            {
                new FmRefiner(state, new SplitMix64((ulong)seed)).Refine();
            }
            long before = state.Objective;
            long gain = new FlowRefiner(state, new SplitMix64((ulong)seed)).Refine();
            Assert.Equal(before - gain, state.Objective);
            Assert.True(gain >= 0, $"seed {seed}: {before} -> {state.Objective}");
            Assert.Equal(PartitionMetrics.Km1(g, state.BlockOf), state.Objective);
            var weights = PartitionMetrics.BlockWeights(g, state.BlockOf, k);
            for (int b = 0; b < k; b++)
            {
                Assert.True(weights[b] <= cost.Capacity(b), $"seed {seed}: block {b} holds {weights[b]} > {cost.Capacity(b)}");
                Assert.Equal(weights[b], state.BlockWeight[b]);
            }
            improved += gain > 0 ? 1 : 0;
        }
        Assert.True(improved >= 10, $"flows improved only {improved} starts");
    }

    [Fact]
    public void SameSeedSamePartition()
    {
        var g = PartitionerTests.Random(77, 200, 320, 5, 2);
        var cost = new AllToAllBlockCost(BlockCapacities.FromEpsilon(g.TotalVertexWeight, 4, 0.05));
        var start = RandomFeasible(g, cost, 5);
        var first = new PartitionState(g, cost, (int[])start.Clone());
        var second = new PartitionState(g, cost, (int[])start.Clone());
        new FlowRefiner(first, new SplitMix64(9)).Refine();
        new FlowRefiner(second, new SplitMix64(9)).Refine();
        Assert.Equal(first.BlockOf, second.BlockOf);
    }

    [Fact]
    public void FindsTheBridgeBetweenTwoClusters()
    {
        // Two clusters of forty, each a ring of triangles, joined by one net; the start swaps three
        // vertices of each cluster to the wrong side. The balanced minimum cut is the bridge.
        const int n = 40;
        var nets = new List<IReadOnlyList<int>>();
        for (int c = 0; c < 2; c++)
        {
            for (int i = 0; i < n; i++)
            {
                nets.Add([(c * n) + i, (c * n) + ((i + 1) % n), (c * n) + ((i + 2) % n)]);
            }
        }
        nets.Add([n - 1, n]);
        var g = Hypergraph.Create(Enumerable.Repeat(1, 2 * n).ToArray(), nets);
        var cost = new AllToAllBlockCost([n + 1, n + 1]);
        var start = Enumerable.Range(0, 2 * n).Select(v => v < n ? 0 : 1).ToArray();
        foreach (var x in new[] { 5, 15, 25 })
        {
            (start[x], start[x + n]) = (1, 0);
        }
        var state = new PartitionState(g, cost, start);
        Assert.True(state.Objective > 1);
        new FlowRefiner(state, new SplitMix64(3)).Refine();
        Assert.Equal(1, state.Objective);
    }

    [Fact]
    public void ThePartitionerWithFlowsIsNoWorseOnIbm01SizedNetlists()
    {
        // Flows run last, on the winner: never worse than the same run without them.
        for (int seed = 0; seed < 4; seed++)
        {
            var g = PartitionerTests.Random(500 + seed, 600, 900, 4, 1);
            var cost = new AllToAllBlockCost(BlockCapacities.FromEpsilon(g.TotalVertexWeight, 2 + (seed * 2), 0.03));
            var with = MultilevelPartitioner.Partition(g, cost, new PartitionOptions { Seed = (ulong)seed, Attempts = 2 });
            var without = MultilevelPartitioner.Partition(g, cost, new PartitionOptions { Seed = (ulong)seed, Attempts = 2, FlowRefinement = false });
            Assert.True(with.Objective <= without.Objective, $"seed {seed}: {with.Objective} > {without.Objective}");
            Assert.All(with.BlockWeights, w => Assert.True(w <= cost.Capacity(0)));
        }
    }
}
