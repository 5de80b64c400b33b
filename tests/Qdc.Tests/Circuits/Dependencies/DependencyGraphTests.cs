using System.Diagnostics;
using Qdc.Circuits;
using Qdc.Circuits.Dependencies;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Circuits.Dependencies;

public class DependencyGraphTests
{
    private static CircuitBuilder Builder(int qubits, int clbits = 0)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        if (clbits > 0)
        {
            b.AddClassicalRegister("c", clbits);
        }
        return b;
    }

    [Fact]
    public void EmptyAndBarrierOnlyCircuitsHaveDepthZero()
    {
        Assert.Equal(0, DependencyGraph.Build(Builder(2).Build()).Depth);
        var c = Builder(2).Barrier(0, 1).Barrier(0).Build();
        Assert.Equal(0, DependencyGraph.Build(c).Depth);
        Assert.Equal(0, DependencyGraph.ComputeDepth(c));
        Assert.Empty(DependencyGraph.Build(c).Layers);
    }

    [Fact]
    public void BarrierAddsNoDepthButLinesUpItsQubits()
    {
        // h q0; cx q0,q1; x q2; barrier q0,q1,q2; x q2 → the last x waits for the cx: depth 3.
        var c = Builder(3).Gate("h", 0).Gate("cx", 0, 1).Gate("x", 2).Barrier(0, 1, 2).Gate("x", 2).Build();
        var g = DependencyGraph.Build(c);
        Assert.Equal(3, g.Depth);
        Assert.Equal([1, 2, 1, 2, 3], Enumerable.Range(0, 5).Select(g.Level));
        Assert.Equal([[0, 2], [1], [4]], g.Layers.Select(l => l.ToArray()));
        Assert.Equal([1, 2], g.Predecessors(3).ToArray());
        Assert.Equal([4], g.Successors(3).ToArray());
        Assert.Equal([2, 3, 4], g.QubitOperations(2).ToArray());
    }

    [Fact]
    public void ClassicalBitsOrderMeasurementsAndConditions()
    {
        var b = Builder(3, 2);
        b.Measure(0, 0);                                                          // level 1
        b.Add(new GateOperation(Gate.Create("x"), [1], new Condition([0], 1)));  // reads c0: level 2
        b.Add(new GateOperation(Gate.Create("x"), [2], new Condition([0, 1], 1))); // reads c0 too: level 3, as Qiskit's wires have it
        b.Measure(2, 1);                                                          // level 4
        b.Gate("h", 0);                                                           // level 2
        var g = DependencyGraph.Build(b.Build());
        Assert.Equal([1, 2, 3, 4, 2], Enumerable.Range(0, 5).Select(g.Level));
        Assert.Equal(4, g.Depth);
        Assert.Equal([0, 1, 2], g.ClbitOperations(0).ToArray());
        Assert.Equal([2, 3], g.ClbitOperations(1).ToArray());
        Assert.Equal([1, 4], g.Successors(0).ToArray());
    }

    [Fact]
    public void TwoWiresSharingAPredecessorListItOnce()
    {
        var g = DependencyGraph.Build(Builder(2).Gate("cx", 0, 1).Gate("cz", 1, 0).Build());
        Assert.Equal([0], g.Predecessors(1).ToArray());
        Assert.Equal([1], g.Successors(0).ToArray());
        Assert.Equal(2, g.Depth);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void MatchesABruteForceLongestPath(int seed)
    {
        var c = RandomCircuits.Generate(seed, new RandomCircuitOptions
        {
            Qubits = 1 + (seed % 5),
            Clbits = seed % 3,
            Operations = 40,
            MeasureRate = 0.15,
            ConditionRate = 0.3,
            ResetRate = 0.05,
            BarrierRate = 0.15,
        });
        var ops = c.Operations;
        var wires = ops.Select(WiresOf(c)).ToArray();
        // Longest weighted path by dynamic programming over all earlier operations sharing a wire.
        var level = new int[ops.Length];
        for (int i = 0; i < ops.Length; i++)
        {
            int best = 0;
            for (int j = 0; j < i; j++)
            {
                if (wires[i].Overlaps(wires[j]))
                {
                    best = Math.Max(best, level[j]);
                }
            }
            level[i] = best + (ops[i] is BarrierOperation ? 0 : 1);
        }
        var g = DependencyGraph.Build(c);
        int depth = level.Length == 0 ? 0 : level.Max();
        Assert.Equal(depth, g.Depth);
        Assert.Equal(depth, DependencyGraph.ComputeDepth(c));
        Assert.Equal(level, Enumerable.Range(0, ops.Length).Select(g.Level));
        for (int i = 0; i < ops.Length; i++)
        {
            // A predecessor is the last earlier operation on one of this one's wires.
            var expected = wires[i]
                .Select(w => Enumerable.Range(0, i).LastOrDefault(j => wires[j].Contains(w), -1))
                .Where(j => j >= 0).Distinct().Order().ToArray();
            Assert.Equal(expected, g.Predecessors(i).ToArray());
            foreach (var p in expected)
            {
                Assert.Contains(i, g.Successors(p).ToArray());
            }
        }
        foreach (var layer in g.Layers)
        {
            var used = new HashSet<int>();
            Assert.All(layer, i => Assert.True(wires[i].All(used.Add), "two operations of one layer share a wire"));
        }
        Assert.Equal(ops.Count(o => o is not BarrierOperation), g.Layers.Sum(l => l.Length));
    }

    private static Func<Operation, HashSet<int>> WiresOf(Circuit c) => op =>
    {
        var set = op.Qubits.ToHashSet();
        if (op is MeasureOperation m)
        {
            set.Add(c.QubitCount + m.Clbit);
        }
        foreach (var b in op.Condition?.Clbits ?? [])
        {
            set.Add(c.QubitCount + b);
        }
        return set;
    };

    [Fact]
    public void DepthOfAMillionOperationsIsQuick()
    {
        var b = Builder(1000);
        var h = Gate.Create("h");
        var cx = Gate.Create("cx");
        for (int i = 0; i < 1_000_000; i++)
        {
            // A staircase: each cx links two neighbours, so the depth grows by one per 999 ops.
            b.Add(i % 2 == 0 ? new GateOperation(h, [i % 1000]) : new GateOperation(cx, [i % 1000, (i + 1) % 1000]));
        }
        var c = b.Build();
        var sw = Stopwatch.StartNew();
        int depth = DependencyGraph.ComputeDepth(c);
        sw.Stop();
        Assert.Equal(DependencyGraph.Build(c).Depth, depth);
        Assert.True(depth > 0);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), $"ComputeDepth took {sw.Elapsed}");
    }
}
