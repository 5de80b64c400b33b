using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

public class RecursiveBisectionTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void LeavesFitHeterogeneousCapacities(bool multilevel)
    {
        for (int seed = 0; seed < 10; seed++)
        {
            var rng = new System.Random(seed);
            int n = 80 + (seed * 70);
            var weights = Enumerable.Range(0, n).Select(_ => rng.Next(0, 3)).ToArray();
            var nets = Enumerable.Range(0, n * 2)
                .Select(_ => (IReadOnlyList<int>)[.. Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(rng.Next(2, 6))])
                .ToList();
            var g = Hypergraph.Create(weights, nets);
            int k = 3 + (seed % 4);
            var shares = Enumerable.Range(0, k).Select(_ => (long)rng.Next(1, 5)).ToArray();
            var caps = shares.Select(s => (s * g.TotalVertexWeight / shares.Sum()) + 3).ToArray();
            var cost = new AllToAllBlockCost(caps);
            var blockOf = RecursiveBisection.Partition(g, cost, new SplitMix64((ulong)seed), 2, multilevel);
            Assert.NotNull(blockOf);
            var loads = PartitionMetrics.BlockWeights(g, blockOf, k);
            for (int b = 0; b < k; b++)
            {
                Assert.True(loads[b] <= caps[b], $"seed {seed}: block {b} holds {loads[b]} > {caps[b]}");
            }
            Assert.All(blockOf, b => Assert.InRange(b, 0, k - 1));
        }
    }

    [Fact]
    public void TwoCliquesJoinedByOneNetSplitAlongIt()
    {
        // Vertices 0-7 and 8-15 are cliques of 2-pin nets; one net joins them.
        var nets = new List<IReadOnlyList<int>>();
        for (int side = 0; side < 2; side++)
        {
            for (int a = 0; a < 8; a++)
            {
                for (int b = a + 1; b < 8; b++)
                {
                    nets.Add([(side * 8) + a, (side * 8) + b]);
                }
            }
        }
        nets.Add([7, 8]);
        var g = Hypergraph.Create(Enumerable.Repeat(1, 16).ToArray(), nets);
        var cost = new AllToAllBlockCost([4, 4, 4, 4]);
        var blockOf = RecursiveBisection.Partition(g, cost, new SplitMix64(1), 4)!;
        Assert.All(Enumerable.Range(0, 8), v => Assert.True(blockOf[v] < 2 == blockOf[0] < 2));
        Assert.All(Enumerable.Range(8, 8), v => Assert.True(blockOf[v] < 2 != blockOf[0] < 2));
    }
}
