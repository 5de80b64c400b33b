using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Simulation;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Distribution;

/// <summary>H-type embedding: a copy survives the CX targets between two diagonal runs of its qubit.</summary>
public class HTypeEmbeddingTests(ITestOutputHelper output)
{
    private static readonly EquivalenceOptions Check = new() { Seed = 5, InputStates = 4, BranchesPerState = 8, MaxExhaustiveMeasurements = 10 };

    /// <summary>
    /// q0 (QPU 0) meets b2 (QPU 1) before and after a cx from b1 (QPU 1), whose run reaches QPU 0
    /// anyway through a1. Without embedding q0 needs three copies on QPU 1; with it one, kept alive
    /// across the flip by a CX from b1 there.
    /// </summary>
    private static (Circuit Source, int[] BlockOf) FlipBetweenRuns()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        // q0 = q[0], a1 = q[1] on QPU 0; b1 = q[2], b2 = q[3] on QPU 1.
        b.Gate("ry", [0.7], 0).Gate("ry", [1.1], 2).Gate("h", 3).Gate("h", 1);
        b.Gate("cz", 0, 3).Gate("cz", 2, 1).Gate("t", 0).Gate("cx", 2, 0).Gate("x", 0).Gate("cz", 2, 1).Gate("cp", [0.4], 0, 3).Gate("ry", [0.3], 0);
        // Gates (two-qubit, in order): cz q0,b2 @1; cz b1,a1 @0; cx b1,q0 @1; cz b1,a1 @0; cp q0,b2 @1.
        return (b.Build(), [0, 0, 1, 1, 1, 0, 1, 0, 1]);
    }

    private static Placement Place(Circuit source, int[] blockOf, QdcTopology topology, bool embed)
    {
        var graph = CircuitHypergraph.Build(source);
        var metrics = new TopologyMetrics(topology);
        var cost = new TopologyBlockCost(metrics);
        var blocks = (int[])blockOf.Clone();
        var (placed, objective) = embed
            ? HTypeEmbedding.Apply(source, graph, blocks, metrics, cost)
            : (graph, PartitionMetrics.Objective(graph.Graph, blocks, cost));
        int n = source.QubitCount;
        var gates = graph.GateOperation.Select((op, g) => new GatePlacement(op, blocks[n + g],
            source.Operations[op].Qubits.All(q => blocks[q] == blocks[n + g]) ? GateRealization.Local : GateRealization.Telegate));
        var loads = Enumerable.Range(0, topology.QpuCount).Select(p => (long)blocks[..n].Count(x => x == p));
        return new Placement(source, [.. blocks[..n]], [.. gates], objective, [.. loads], placed);
    }

    [Fact]
    public void OneCopySurvivesAFlipWhoseControlLivesWithIt()
    {
        var (source, blockOf) = FlipBetweenRuns();
        var topology = DistributionFixtures.AllToAll(2, 2);
        var plain = Place(source, blockOf, topology, embed: false);
        var embedded = Place(source, blockOf, topology, embed: true);
        Assert.Equal(4, plain.Ebits);
        Assert.Equal(2, embedded.Ebits);
        // The flip now runs at q0's home, with b1's copy.
        Assert.Equal(0, embedded.Gates[2].Qpu);
        foreach (var placement in new[] { plain, embedded })
        {
            var program = Distributor.Lower(placement, topology);
            Assert.Equal(placement.Ebits, program.Ebits);
            Assert.Equal(0, program.SerialisationEbits);
            var r = Equivalence.Check(source, program.Circuit, program.DataQubitMap, Check);
            Assert.True(r.Equivalent, r.ToString());
        }
    }

    [Fact]
    public void DroppingAnyCxOfTheEmbeddedProgramFailsValidation()
    {
        var (source, blockOf) = FlipBetweenRuns();
        var topology = DistributionFixtures.AllToAll(2, 2);
        var program = Distributor.Lower(Place(source, blockOf, topology, embed: true), topology);
        var ops = program.Circuit.Operations;
        var cxs = Enumerable.Range(0, ops.Length).Where(i => ops[i] is GateOperation { Gate.Name: "cx" }).ToList();
        // Two per pair (its preparation and the cat-entangle) for q0 and b1, the flip, and its mirror on q0's copy.
        Assert.Equal(6, cxs.Count);
        foreach (int i in cxs)
        {
            var broken = program.Circuit.WithOperations([.. ops.RemoveAt(i)]);
            var r = Equivalence.Check(source, broken, program.DataQubitMap, Check);
            Assert.False(r.Equivalent, $"dropping operation {i} ({ops[i]}) went unnoticed");
        }
    }

    [Fact]
    public void NoMergeWhenTheControlLivesElsewhere()
    {
        var (source, blockOf) = FlipBetweenRuns();
        var topology = DistributionFixtures.AllToAll(3, 2);
        // b1 on a third QPU: a copy of q0 on QPU 1 could not be mirrored.
        blockOf[2] = 2;
        var embedded = Place(source, blockOf, topology, embed: true);
        Assert.Equal(Place(source, blockOf, topology, embed: false).Ebits, embedded.Ebits);
        Assert.Equal(1, embedded.Gates[2].Qpu);
    }

    [Theory]
    [InlineData("cx", 0, true)]
    [InlineData("cx", 1, false)]
    [InlineData("cy", 0, true)]
    [InlineData("cz", 0, false)]
    [InlineData("swap", 0, false)]
    public void ControlledFlipsAreCxLikeOnTheirTarget(string gate, int side, bool flip)
    {
        // Operand 1 of cx and cy is the target.
        Assert.Equal(flip, HTypeEmbedding.IsControlledFlip(Gate.Create(gate).Matrix, 1 - side));
    }

    /// <summary>
    /// Random circuits under random placements, embedded: every program is equivalent and spends
    /// exactly the embedded objective, which never exceeds the plain one and is below it somewhere.
    /// </summary>
    [Fact]
    public void RandomPlacementsEmbeddedStayEquivalentAndSpendThePrediction()
    {
        long plainTotal = 0, embeddedTotal = 0;
        int simulated = 0;
        for (int seed = 0; seed < 150; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 900);
            int qpus = 2 + rng.Next(2);
            int qubits = 4 + rng.Next(3);
            var topology = rng.Next(2) == 0 ? DistributionFixtures.AllToAll(qpus, qubits, commQubits: 4) : DistributionFixtures.Line(qpus, qubits, commQubits: 4);
            var source = FlipHeavy(seed, qubits, 14 + rng.Next(10));
            var random = DistributorPropertyTests.RandomPlacement(source, topology, rng, visit: false);
            int[] blockOf = [.. random.QpuOfQubit, .. random.Gates.Select(g => g.Qpu)];
            var plain = Place(random.Normalized, blockOf, topology, embed: false);
            var embedded = Place(random.Normalized, blockOf, topology, embed: true);
            Assert.True(embedded.Ebits <= plain.Ebits, $"seed {seed}: embedding cost {embedded.Ebits} > {plain.Ebits}");
            plainTotal += plain.Ebits;
            embeddedTotal += embedded.Ebits;
            var program = Distributor.Lower(embedded, topology);
            Assert.True(embedded.Ebits == program.Ebits, $"seed {seed}: predicted {embedded.Ebits}, spent {program.Ebits} ({program.SerialisationEbits} serialisation)");
            if (program.Circuit.QubitCount <= 16)
            {
                var r = Equivalence.Check(random.Normalized, program.Circuit, program.DataQubitMap, Check);
                Assert.True(r.Equivalent, $"seed {seed}: {r}");
                simulated++;
            }
        }
        output.WriteLine($"{simulated} simulated; {plainTotal} ebits plain, {embeddedTotal} embedded");
        Assert.True(embeddedTotal < plainTotal, "embedding should save pairs somewhere");
        Assert.True(simulated >= 100, $"only {simulated} simulated");
    }

    /// <summary>Random circuits of cx, cz, cp and diagonal or Pauli one-qubit gates, where flips between diagonal runs abound.</summary>
    private static Circuit FlipHeavy(int seed, int qubits, int gates)
    {
        var rng = new SplitMix64((ulong)seed * 31 + 7);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        for (int q = 0; q < qubits; q++)
        {
            b.Gate("ry", [0.3 + (0.2 * q)], q);
        }
        string[] one = ["t", "s", "x", "rz", "z"];
        for (int i = 0; i < gates; i++)
        {
            int a = rng.Next(qubits);
            int c = (a + 1 + rng.Next(qubits - 1)) % qubits;
            switch (rng.Next(5))
            {
                case 0:
                case 1:
                    b.Gate("cx", a, c);
                    break;
                case 2:
                    b.Gate("cz", a, c);
                    break;
                case 3:
                    b.Gate("cp", [0.5 + rng.Next(3)], a, c);
                    break;
                default:
                    string g = one[rng.Next(one.Length)];
                    if (g == "rz")
                    {
                        b.Gate(g, [0.9], a);
                    }
                    else
                    {
                        b.Gate(g, a);
                    }
                    break;
            }
        }
        return b.Build();
    }
}
