using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

public class MaxFlowTests
{
    private static (FlowNetwork Network, List<(int From, int To, long Capacity)> Edges) RandomNetwork(Random rng, int n)
    {
        var network = new FlowNetwork(n);
        var edges = new List<(int, int, long)>();
        int m = rng.Next(0, n * 3);
        for (int i = 0; i < m; i++)
        {
            int a = rng.Next(n), b = rng.Next(n);
            if (a == b)
            {
                continue;
            }
            long c = rng.Next(4) == 0 ? FlowNetwork.Infinite : rng.Next(0, 7);
            long back = rng.Next(3) == 0 ? rng.Next(0, 7) : 0;
            network.AddEdge(a, b, c, back);
            edges.Add((a, b, c));
            if (back > 0)
            {
                edges.Add((b, a, back));
            }
        }
        return (network, edges);
    }

    // The cheapest set containing every source and no sink, by enumeration.
    private static long BruteForceMinCut(int n, List<(int From, int To, long Capacity)> edges, ISet<int> sources, ISet<int> sinks)
    {
        long best = long.MaxValue;
        for (int mask = 0; mask < 1 << n; mask++)
        {
            bool ok = sources.All(s => (mask >> s & 1) == 1) && sinks.All(t => (mask >> t & 1) == 0);
            if (!ok)
            {
                continue;
            }
            long cut = 0;
            foreach (var (a, b, c) in edges)
            {
                if ((mask >> a & 1) == 1 && (mask >> b & 1) == 0)
                {
                    cut = Math.Min(FlowNetwork.Infinite, cut + c);
                }
            }
            best = Math.Min(best, cut);
        }
        return best;
    }

    [Fact]
    public void TheMaximumFlowEqualsTheBruteForceMinimumCut()
    {
        foreach (int seed in RandomGraphs.Seeds(200))
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 10);
            var (network, edges) = RandomNetwork(rng, n);
            var flow = new MaxFlow(network);
            flow.AddSource(0);
            flow.AddSink(n - 1);
            long value = flow.Augment();
            Assert.Equal(BruteForceMinCut(n, edges, new HashSet<int> { 0 }, new HashSet<int> { n - 1 }), value);
            AssertCutsHaveTheFlowsValue(flow, n, edges, value);
        }
    }

    [Fact]
    public void AddingTerminalsKeepsTheFlowAndAugmentsToTheNewMaximum()
    {
        foreach (int seed in RandomGraphs.Seeds(150))
        {
            var rng = new Random(seed);
            int n = rng.Next(4, 11);
            var (network, edges) = RandomNetwork(rng, n);
            var flow = new MaxFlow(network);
            var sources = new HashSet<int> { 0 };
            var sinks = new HashSet<int> { n - 1 };
            flow.AddSource(0);
            flow.AddSink(n - 1);
            long previous = flow.Augment();
            // Pierce either side a few times, as a balanced-cut search does.
            for (int step = 0; step < 3; step++)
            {
                var free = Enumerable.Range(0, n).Where(v => !sources.Contains(v) && !sinks.Contains(v)).ToList();
                if (free.Count == 0)
                {
                    break;
                }
                int v = free[rng.Next(free.Count)];
                if (rng.Next(2) == 0)
                {
                    flow.AddSource(v);
                    sources.Add(v);
                }
                else
                {
                    flow.AddSink(v);
                    sinks.Add(v);
                }
                long value = flow.Augment();
                Assert.True(value >= previous);
                Assert.Equal(BruteForceMinCut(n, edges, sources, sinks), value);
                AssertCutsHaveTheFlowsValue(flow, n, edges, value);
                previous = value;
            }
        }
    }

    [Fact]
    public void AnUndirectedEdgeCarriesFlowEitherWay()
    {
        var network = new FlowNetwork(3);
        int ab = network.AddEdge(0, 1, 5, 5);
        network.AddEdge(2, 1, 3, 3);
        var flow = new MaxFlow(network);
        flow.AddSource(2);
        flow.AddSink(0);
        Assert.Equal(3, flow.Augment());
        Assert.Equal(-3, flow.Flow(ab));
    }

    [Fact]
    public void ANodeCannotBeBothTerminals()
    {
        var flow = new MaxFlow(new FlowNetwork(2));
        flow.AddSource(0);
        Assert.Throws<InvalidOperationException>(() => flow.AddSink(0));
    }

    [Fact]
    public void ALongPathDoesNotOverflowTheStack()
    {
        const int n = 200_000;
        var network = new FlowNetwork(n);
        for (int v = 0; v + 1 < n; v++)
        {
            network.AddEdge(v, v + 1, 2 + (v % 5));
        }
        var flow = new MaxFlow(network);
        flow.AddSource(0);
        flow.AddSink(n - 1);
        Assert.Equal(2, flow.Augment());
    }

    // Both residual sides are minimum cuts: their edges out have the flow's value, and they do not meet.
    private static void AssertCutsHaveTheFlowsValue(MaxFlow flow, int n, List<(int From, int To, long Capacity)> edges, long value)
    {
        var source = new bool[n];
        var sink = new bool[n];
        flow.SourceSide(source);
        flow.SinkSide(sink);
        long sourceCut = 0, sinkCut = 0;
        foreach (var (a, b, c) in edges)
        {
            if (source[a] && !source[b])
            {
                sourceCut = Math.Min(FlowNetwork.Infinite, sourceCut + c);
            }
            if (!sink[a] && sink[b])
            {
                sinkCut = Math.Min(FlowNetwork.Infinite, sinkCut + c);
            }
        }
        if (value < FlowNetwork.Infinite)
        {
            Assert.Equal(value, sourceCut);
            Assert.Equal(value, sinkCut);
            Assert.DoesNotContain(Enumerable.Range(0, n), v => source[v] && sink[v]);
        }
    }
}
