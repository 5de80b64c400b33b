using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Tests.Distribution;

namespace Qdc.Tests.Partitioning;

public class TopologyBlockCostTests
{
    [Fact]
    public void AnAllToAllTopologyTakesTheKm1PathAndPartitionsLikeAllToAllCost()
    {
        var h = CircuitHypergraph.Build(SampleCircuits.Qft(24));
        var topology = new TopologyBlockCost(new TopologyMetrics(DistributionFixtures.AllToAll(4, 7)));
        var plain = new AllToAllBlockCost(Enumerable.Repeat(7L, 4));
        Assert.True(topology.IsAllToAll);
        var options = new PartitionOptions { Seed = 3, Attempts = 3 };
        var a = MultilevelPartitioner.Partition(h.Graph, topology, options);
        var b = MultilevelPartitioner.Partition(h.Graph, plain, options);
        Assert.Equal(b.BlockOf.ToArray(), a.BlockOf.ToArray());
        Assert.Equal(PartitionMetrics.Objective(h.Graph, a.BlockOf, topology), a.Objective);
    }

    [Fact]
    public void ALineIsNotAllToAll() =>
        Assert.False(new TopologyBlockCost(new TopologyMetrics(DistributionFixtures.Line(3, 5))).IsAllToAll);
}
