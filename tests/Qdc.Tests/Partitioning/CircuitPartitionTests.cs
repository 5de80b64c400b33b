using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

public class CircuitPartitionTests
{
    private static PartitionResult Partition(Qdc.Circuits.Circuit circuit, int k)
    {
        var h = CircuitHypergraph.Build(circuit);
        var cost = new AllToAllBlockCost(BlockCapacities.QubitsPlusOne(circuit.QubitCount, k));
        var r = MultilevelPartitioner.Partition(h.Graph, cost, new PartitionOptions { Seed = 1 });
        Assert.True(r.IsFeasible);
        return r;
    }

    [Theory]
    [InlineData(40, 2)]
    [InlineData(40, 3)]
    [InlineData(40, 4)]
    [InlineData(78, 4)]
    public void GhzNeedsKMinusOne(int n, int k) => Assert.Equal(k - 1, Partition(SampleCircuits.Ghz(n), k).Objective);

    [Theory]
    [InlineData(35, 2)]
    [InlineData(35, 3)]
    [InlineData(35, 4)]
    [InlineData(65, 3)]
    public void CatNeedsKMinusOne(int n, int k) => Assert.Equal(k - 1, Partition(SampleCircuits.Cat(n), k).Objective);

    [Theory]
    [InlineData(16, 2)]
    [InlineData(16, 4)]
    [InlineData(24, 2)]
    [InlineData(24, 4)]
    [InlineData(32, 2)]
    [InlineData(32, 4)]
    public void QftReachesThePublishedOptimum(int n, int k) =>
        Assert.True(Partition(SampleCircuits.Qft(n), k).Objective <= (n - k) * (k - 1) / 2);
}
