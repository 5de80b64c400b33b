using Qdc.Compiler.Graphs;

namespace Qdc.Tests.Graphs;

public class TopologicalOrderTests
{
    [Fact]
    public void RandomDagsGetAValidOrderThatIsTheSmallestReadyFirst()
    {
        foreach (int seed in RandomGraphs.Seeds(60))
        {
            var rng = new Random(seed);
            int n = rng.Next(0, 12);
            var rank = Enumerable.Range(0, n).ToArray();
            rng.Shuffle(rank);
            var arcs = new List<(int, int)>();
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    if (rank[i] < rank[j] && rng.NextDouble() < 0.3)
                    {
                        arcs.Add((i, j));
                    }
                }
            }
            var g = new DirectedGraph(n, arcs);
            Assert.True(TopologicalOrder.TryCompute(g, out var order, out var cycle));
            Assert.Empty(cycle);
            Assert.Equal(Enumerable.Range(0, n), order.Order());
            var position = new int[n];
            for (int i = 0; i < n; i++)
            {
                position[order[i]] = i;
            }
            Assert.All(arcs, a => Assert.True(position[a.Item1] < position[a.Item2]));
            // Each vertex is the smallest among those whose predecessors were all placed before it.
            for (int i = 0; i < n; i++)
            {
                var placed = order.Take(i).ToHashSet();
                int smallestReady = Enumerable.Range(0, n)
                    .Where(v => !placed.Contains(v) && arcs.Where(a => a.Item2 == v).All(a => placed.Contains(a.Item1)))
                    .Min();
                Assert.Equal(smallestReady, order[i]);
            }
        }
    }

    [Fact]
    public void CyclesAreFoundAndReturnedInArcOrder()
    {
        foreach (int seed in RandomGraphs.Seeds(40))
        {
            var rng = new Random(seed);
            int n = rng.Next(2, 10);
            var arcs = new List<(int, int)>();
            for (int i = 0; i < n * 2; i++)
            {
                arcs.Add((rng.Next(n), rng.Next(n)));
            }
            // Make sure there is at least one cycle.
            arcs.Add((0, 1));
            arcs.Add((1, 0));
            var g = new DirectedGraph(n, arcs);
            Assert.False(TopologicalOrder.TryCompute(g, out var order, out var cycle));
            Assert.Empty(order);
            Assert.NotEmpty(cycle);
            for (int i = 0; i < cycle.Count; i++)
            {
                Assert.Contains((cycle[i], cycle[(i + 1) % cycle.Count]), arcs);
            }
        }
    }

    [Fact]
    public void ASelfLoopIsACycleOfOne()
    {
        Assert.False(TopologicalOrder.TryCompute(new DirectedGraph(3, [(0, 1), (2, 2)]), out _, out var cycle));
        Assert.Equal([2], cycle);
    }
}
