using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Graphs;
using Qdc.Compiler.Topology;
using Qdc.Tests.Graphs;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Topology;

public class TopologyMetricsTests
{
    private static QdcTopology Build(int qpus, IEnumerable<(int A, int B, double Fidelity)> links) => new(
        "t",
        [.. Enumerable.Range(0, qpus).Select(i => Qpu.FromPreset($"q{i}", 4, Platform.Superconducting))],
        [.. links.Select(l => Link.WithDefaults(l.A, l.B) with { EprFidelity = l.Fidelity })],
        Swapping: true);

    private static QdcTopology Line(int n) => Build(n, Enumerable.Range(0, n - 1).Select(i => (i, i + 1, 1.0)));

    [Fact]
    public void LineHasLinearHopDistancesAndSteinerCosts()
    {
        var m = new TopologyMetrics(Line(4));
        Assert.Equal(3, m.HopDistance(0, 3));
        Assert.Equal(3, m.Diameter);
        Assert.False(m.IsAllToAll);
        Assert.Equal(0, m.SteinerCost([2]));
        Assert.Equal(1, m.SteinerCost([1, 2]));
        Assert.Equal(3, m.SteinerCost([0, 3]));
        Assert.Equal(3, m.SteinerCost([0, 2, 3]));
        Assert.Equal(3, m.SteinerCost(0b1001UL));
        Assert.Equal(2, m.SteinerCost([3, 1, 1]));
    }

    [Fact]
    public void AllToAllCostsIsConnectivityMinusOne()
    {
        var m = new TopologyMetrics(QdcTopology.DefaultFor(30));
        Assert.True(m.IsAllToAll);
        for (ulong mask = 0; mask < 16; mask++)
        {
            Assert.Equal(Math.Max(0, System.Numerics.BitOperations.PopCount(mask) - 1), m.SteinerCost(mask));
        }
    }

    [Fact]
    public void BestPathPrefersFewestHopsThenHighestFidelity()
    {
        // A diamond 0-1-3 / 0-2-3 with the lower route better, and a long very good detour 0-4-5-3.
        var t = Build(6, [(0, 1, 0.9), (1, 3, 0.9), (0, 2, 0.95), (2, 3, 0.95), (0, 4, 1), (4, 5, 1), (5, 3, 1)]);
        var best = new TopologyMetrics(t).BestPath(0, 3);
        Assert.Equal(2, best.Hops);
        Assert.Equal([0, 2, 3], best.Qpus.ToArray());
        Assert.Equal([2, 3], best.Links.ToArray());
        Assert.Equal(0.95 * 0.95, best.Fidelity, 12);
    }

    [Fact]
    public void PathRateIsTheBottleneckAndLatencyTheSum()
    {
        var t = new QdcTopology("t",
            [.. Enumerable.Range(0, 3).Select(i => Qpu.FromPreset($"q{i}", 2, Platform.TrappedIon))],
            [new Link(0, 1, 1000, 0.99, 10e-6, 2), new Link(1, 2, 1500, 0.98, 5e-6, 1)],
            Swapping: true);
        var m = new TopologyMetrics(t);
        var p = m.BestPath(0, 2);
        Assert.Equal((2, 1500.0), (p.Hops, p.Rate));
        Assert.Equal(15e-6, p.Latency, 15);
        Assert.Equal(0.99 * 0.98, p.Fidelity, 12);
        var self = m.BestPath(1, 1);
        Assert.Equal((0, 1.0, 0.0), (self.Hops, self.Fidelity, self.Latency));
        Assert.Equal([1], self.Qpus.ToArray());
    }

    [Fact]
    public void SteinerCostMatchesBruteForceOnRandomTopologies()
    {
        foreach (int seed in RandomGraphs.Seeds(30))
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 9);
            var g = RandomGraphs.Simple(rng, n, 0.5, maxWeight: 1);
            var t = Build(n, g.Edges.Select(e => (e.Source, e.Target, 1.0)));
            var m = new TopologyMetrics(t);
            for (ulong mask = 0; mask < 1UL << n; mask++)
            {
                var qpus = Enumerable.Range(0, n).Where(i => (mask >> i & 1) == 1).ToList();
                double brute = SteinerTreeTests.BruteForce(g, qpus);
                Assert.Equal(double.IsPositiveInfinity(brute) ? int.MaxValue : (int)brute, m.SteinerCost(mask));
            }
        }
    }

    [Fact]
    public void ConcurrentCallsAgreeWithSequentialOnes()
    {
        var t = Build(12, Enumerable.Range(0, 12).Select(i => (i, (i + 1) % 12, 1.0)).Append((0, 6, 1.0)));
        var sequential = new TopologyMetrics(t);
        var expected = Enumerable.Range(0, 4096).Select(mask => sequential.SteinerCost((ulong)mask)).ToArray();
        var shared = new TopologyMetrics(t);
        var actual = new int[4096];
        Parallel.For(0, 4096 * 4, i => actual[i % 4096] = shared.SteinerCost((ulong)(i % 4096)));
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(17)]
    [InlineData(30)]
    [InlineData(70)]
    public void LargeTopologiesUseTheCacheOrComputeDirectly(int n)
    {
        var m = new TopologyMetrics(Line(n));
        Assert.Equal(n - 1, m.SteinerCost([0, n - 1]));
        Assert.Equal(n - 1, m.SteinerCost([0, n / 2, n - 1]));
        Assert.Equal(5, m.SteinerCost([3, 8]));
        Assert.Equal(5, m.SteinerCost([8, 3]));
        Assert.Equal([3, 4, 5, 6, 7, 8], m.SteinerTree([3, 8]).Vertices);
    }

    [Fact]
    public void LineExampleCostsHopsPerHyperedge()
    {
        var t = TopologyLoader.Load(Path.Combine(RepoPaths.Root, "examples", "line4.json"), new DiagnosticBag())!;
        var m = new TopologyMetrics(t);
        Assert.Equal(3, m.SteinerCost([0, 1, 2, 3]));
        Assert.Equal(2, m.SteinerCost([0, 2]));
        Assert.Equal(0.98 * 0.98, m.BestPath(0, 2).Fidelity, 12);
        Assert.Equal(20e-6, m.BestPath(0, 2).Latency, 12);
        Assert.Equal([0, 1, 2], m.BestPath(0, 2).Qpus.ToArray());
    }
}
