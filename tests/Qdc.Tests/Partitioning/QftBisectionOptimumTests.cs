using Qdc.Compiler.Graphs;
using Qdc.Compiler.Partitioning;

namespace Qdc.Tests.Partitioning;

/// <summary>
/// The optimum of a QFT (native cp, no swaps) on two QPUs of ⌊n/2⌋+1, proven rather than
/// published. With the qubits' sides fixed, each cp between the sides must cut one of its two
/// nets (the earlier qubit's run after its h, the later one's before it), so the cheapest gate
/// placement is a minimum vertex cover of a bipartite graph: a minimum cut. Taking the minimum
/// over every side assignment gives the optimum, n − ⌊n/2⌋ − 1. That is the argument behind the
/// README's claim that qft_n63 needs 31 ebits at k = 2 (and, merging blocks, 32 at k = 3),
/// whatever partitioner runs.
/// </summary>
public class QftBisectionOptimumTests
{
    /// <summary>The cheapest gate placement for fixed qubit sides, by a minimum cut.</summary>
    private static long CheapestGatePlacement(CircuitHypergraph h, bool[] right)
    {
        var g = h.Graph;
        int nets = g.NetCount;
        int gates = g.VertexCount - h.QubitCount;
        // Nodes: 0 source (left), 1 sink (right), then nets, then gates. A net on the source side
        // is uncut when its qubit is left; cutting it costs its weight.
        var network = new FlowNetwork(2 + nets + gates);
        for (int e = 0; e < nets; e++)
        {
            int node = 2 + e;
            bool qubitRight = right[h.NetQubit[e]];
            network.AddEdge(qubitRight ? node : 0, qubitRight ? 1 : node, g.NetWeight(e));
            foreach (int v in g.Pins(e))
            {
                if (v < h.QubitCount)
                {
                    continue;
                }
                int gate = 2 + nets + (v - h.QubitCount);
                // An uncut net holds all its gates on its qubit's side.
                network.AddEdge(qubitRight ? gate : node, qubitRight ? node : gate, FlowNetwork.Infinite);
            }
        }
        var flow = new MaxFlow(network);
        flow.AddSource(0);
        flow.AddSink(1);
        return flow.Augment();
    }

    /// <summary>Connectivity−1 over two blocks, recounted from scratch.</summary>
    private static int Cut(Hypergraph g, Func<int, bool> right)
    {
        int cut = 0;
        for (int e = 0; e < g.NetCount; e++)
        {
            var pins = g.Pins(e).ToArray();
            if (pins.Any(right) && !pins.All(right))
            {
                cut += g.NetWeight(e);
            }
        }
        return cut;
    }

    private static bool[] Sides(int n, int mask) => [.. Enumerable.Range(0, n).Select(q => ((mask >> q) & 1) == 1)];

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void TheMinimumCutIsTheCheapestGatePlacement(int n)
    {
        // Every gate placement tried, for every side assignment: the cut the flow finds is the
        // brute-force optimum, so the flow model can be trusted at sizes brute force cannot reach.
        var h = CircuitHypergraph.Build(SampleCircuits.Qft(n));
        int gates = h.Graph.VertexCount - h.QubitCount;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            var right = Sides(n, mask);
            int best = int.MaxValue;
            for (int placement = 0; placement < 1 << gates; placement++)
            {
                best = Math.Min(best, Cut(h.Graph, v => v < n ? right[v] : ((placement >> (v - n)) & 1) == 1));
            }
            Assert.Equal(best, CheapestGatePlacement(h, right));
        }
    }

    [Theory]
    [InlineData(6)]
    [InlineData(9)]
    [InlineData(12)]
    [InlineData(15)]
    public void EverySideAssignmentCostsAtLeastNMinusTheCapacity(int n)
    {
        var h = CircuitHypergraph.Build(SampleCircuits.Qft(n));
        int capacity = (n / 2) + 1;
        long optimum = long.MaxValue;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            int rightCount = System.Numerics.BitOperations.PopCount((uint)mask);
            long cheapest = CheapestGatePlacement(h, Sides(n, mask));
            // The lemma the bounds for three and four QPUs rest on: whatever the sides' sizes,
            // a full QFT cuts at least the smaller side's qubit count.
            Assert.True(cheapest >= Math.Min(rightCount, n - rightCount), $"sides {mask:b}: {cheapest}");
            if (rightCount <= capacity && n - rightCount <= capacity)
            {
                optimum = Math.Min(optimum, cheapest);
            }
        }
        Assert.Equal(n - capacity, optimum);

        // And the partitioner finds it.
        var cost = new AllToAllBlockCost(BlockCapacities.QubitsPlusOne(n, 2));
        var r = MultilevelPartitioner.Partition(h.Graph, cost, new PartitionOptions { Seed = 1 });
        Assert.True(r.IsFeasible);
        Assert.Equal(optimum, r.Objective);
    }
}
