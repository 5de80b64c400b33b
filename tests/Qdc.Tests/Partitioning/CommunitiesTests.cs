using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

public class CommunitiesTests
{
    private static Hypergraph Cliques(int count, int size)
    {
        var nets = new List<IReadOnlyList<int>>();
        for (int c = 0; c < count; c++)
        {
            for (int a = 0; a < size; a++)
            {
                for (int b = a + 1; b < size; b++)
                {
                    nets.Add([(c * size) + a, (c * size) + b]);
                }
            }
            // One bridge to the next clique.
            nets.Add([(c * size) + size - 1, ((c + 1) % count * size)]);
        }
        return Hypergraph.Create(Enumerable.Repeat(1, count * size).ToArray(), nets);
    }

    [Fact]
    public void CliquesJoinedByBridgesAreTheCommunities()
    {
        var g = Cliques(4, 6);
        var community = Communities.Detect(g, new SplitMix64(5));
        for (int v = 0; v < g.VertexCount; v++)
        {
            Assert.Equal(community[v / 6 * 6], community[v]);
        }
        Assert.Equal(4, community.Distinct().Count());
    }

    [Fact]
    public void SameSeedSameCommunities() =>
        Assert.Equal(Communities.Detect(Cliques(5, 4), new SplitMix64(9)), Communities.Detect(Cliques(5, 4), new SplitMix64(9)));

    [Fact]
    public void CommunityAwarePartitionsDoNotDependOnTheThreadCount()
    {
        // Positive weights only and more vertices than the contraction limit: communities are used.
        var g = Cliques(60, 10);
        var cost = new AllToAllBlockCost(BlockCapacities.FromEpsilon(g.TotalVertexWeight, 3, 0.03));
        var one = MultilevelPartitioner.Partition(g, cost, new PartitionOptions { Seed = 4, Attempts = 3, MaxDegreeOfParallelism = 1 });
        var many = MultilevelPartitioner.Partition(g, cost, new PartitionOptions { Seed = 4, Attempts = 3, MaxDegreeOfParallelism = 3 });
        Assert.Equal(one.BlockOf.ToArray(), many.BlockOf.ToArray());
        Assert.Equal(PartitionMetrics.Km1(g, one.BlockOf), one.Objective);
        Assert.All(one.BlockWeights, w => Assert.True(w <= cost.Capacity(0)));
    }
}
