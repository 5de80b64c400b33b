using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Simulation;
using Qdc.Tests.Partitioning;
using Qdc.Tests.TestSupport;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

public class DistributorTests(ITestOutputHelper output)
{
    private static readonly EquivalenceOptions Check = new() { Seed = 5, InputStates = 4, BranchesPerState = 6, MaxExhaustiveMeasurements = 10 };

    [Theory]
    [InlineData(1, 5, 2, 3)]
    [InlineData(2, 6, 2, 3)]
    [InlineData(3, 6, 3, 2)]
    [InlineData(4, 6, 3, 2)]
    [InlineData(5, 8, 4, 2)]
    [InlineData(6, 8, 2, 4)]
    public void RandomCircuitsOnAllToAllAreEquivalentAndSpendThePredictedEbits(int seed, int qubits, int qpus, int capacity)
    {
        var source = DistributionFixtures.Random(seed, qubits, 24);
        AssertLowersCorrectly(source, DistributionFixtures.AllToAll(qpus, capacity));
    }

    [Theory]
    [InlineData(11, 6, 3, 2)]
    [InlineData(12, 6, 3, 2)]
    [InlineData(13, 7, 4, 2)]
    public void RandomCircuitsOnALineRelayAlongTheSteinerTree(int seed, int qubits, int qpus, int capacity)
    {
        var source = DistributionFixtures.Random(seed, qubits, 14);
        AssertLowersCorrectly(source, DistributionFixtures.Line(qpus, capacity));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void GhzOnKQpusNeedsKMinusOneEbits(int k)
    {
        var program = AssertLowersCorrectly(SampleCircuits.Ghz(2 * k), DistributionFixtures.AllToAll(k, 2));
        Assert.Equal(k - 1, program.Ebits);
    }

    [Fact]
    public void GhzAlongALineNeedsOneEbitPerLink()
    {
        var program = AssertLowersCorrectly(SampleCircuits.Ghz(8), DistributionFixtures.Line(4, 2));
        Assert.Equal(3, program.Ebits);
        Assert.Equal([1L, 1L, 1L], program.EbitsByLink.ToArray());
    }

    [Fact]
    public void SourceMeasurementsAndConditionsKeepTheirClbits()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.AddClassicalRegister("c", 2);
        b.Gate("h", 0).Gate("cz", 0, 3).Measure(0, 0);
        b.Add(new GateOperation(Qdc.Circuits.Gates.Gate.Create("x"), [2], new Condition([0], 1)));
        b.Gate("cx", 2, 1).Measure(3, 1);
        var topology = DistributionFixtures.AllToAll(2, 2);
        var placement = Place(b.Build(), topology);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(2, program.SourceClbits);
        Assert.Equal("c", program.Circuit.ClassicalRegisters[0].Name);
        Assert.Equal(2 + (2 * program.Ebits), program.Circuit.ClbitCount);
        var measures = program.Circuit.Operations.OfType<MeasureOperation>().Where(m => m.Clbit < 2).ToList();
        Assert.Equal([(program.DataQubitMap[0], 0), (program.DataQubitMap[3], 1)], measures.Select(m => (m.Qubit, m.Clbit)));
        var conditioned = program.Circuit.Operations.OfType<GateOperation>().Single(g => g.Condition is { } c && c.Clbits[0] == 0);
        Assert.Equal(program.DataQubitMap[2], conditioned.Qubits[0]);
    }

    [Theory]
    [InlineData("dc4.json")]
    [InlineData("line4.json")]
    [InlineData("mixed.json")]
    public void TheGhzExampleWithItsFinalMeasurements(string topologyFile)
    {
        var diagnostics = new DiagnosticBag();
        var source = QasmFrontEnd.Load(Path.Combine(RepoPaths.Root, "examples", "ghz12.qasm"), QasmOptions.Default, diagnostics)!;
        var topology = TopologyLoader.Load(Path.Combine(RepoPaths.Root, "examples", topologyFile), diagnostics)!;
        Assert.Contains(source.Operations, o => o is MeasureOperation);
        var placement = Place(source, topology);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(placement.Ebits, program.Ebits);
        Assert.Equal(source.Operations.Count(o => o is MeasureOperation) + (2 * program.Ebits), program.Circuit.Operations.Count(o => o is MeasureOperation));
        var candidate = TerminalMeasurements.Strip(program.Circuit);
        Assert.Equal(2 * program.Ebits, candidate.Operations.Count(o => o is MeasureOperation));
        var r = Equivalence.Check(placement.Normalized, candidate, program.DataQubitMap, Check);
        Assert.True(r.Equivalent, r.ToString());
    }

    [Fact]
    public void QftOnThreeQpus()
    {
        var program = AssertLowersCorrectly(SampleCircuits.Qft(6), DistributionFixtures.AllToAll(3, 2));
        Assert.True(program.Ebits > 0);
    }

    [Fact]
    public void AGateAwayFromBothItsQubitsGetsBothCopies()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("ry", [0.3], 1).Gate("cp", [0.9], 0, 1).Gate("cx", 1, 0);
        var source = b.Build();
        var graph = CircuitHypergraph.Build(source);
        // cp runs on QPU 2, where neither qubit lives; cx stays home with qubit 1.
        var placement = new Placement(source, [0, 1], [new(2, 2, GateRealization.Telegate), new(3, 1, GateRealization.Telegate)], 3, [1, 1, 0], graph);
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(3, 2));
        AssertEquivalent(source, program);
        // q0's run {cp} spans QPUs 0 and 2, q1's run {cp} spans 1 and 2, q0's run {cx target} spans 0 and 1.
        Assert.Equal(3, program.Ebits);
        Assert.Equal(2, program.PeakCommQubits[2]);
    }

    [Fact]
    public void AQpuWithNoGatesOfTheRunOnlyRelays()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("cz", 0, 1).Gate("rz", [0.4], 0).Gate("cp", [1.2], 1, 0).Gate("h", 0);
        var source = b.Build();
        var graph = CircuitHypergraph.Build(source);
        var placement = new Placement(source, [0, 2], [new(1, 2, GateRealization.Telegate), new(3, 2, GateRealization.Telegate)], 2, [1, 0, 1], graph);
        var program = Distributor.Lower(placement, DistributionFixtures.Line(3, 2));
        AssertEquivalent(source, program);
        Assert.Equal(2, program.Ebits);
        Assert.Equal([1L, 1L], program.EbitsByLink.ToArray());
        Assert.Equal(1, program.PeakCommQubits[2]);
    }

    [Fact]
    public void MoreCopiesThanCommQubitsAreSerialisedAndCounted()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("h", 0).Gate("h", 1).Gate("cz", 0, 2).Gate("cz", 1, 3).Gate("cz", 0, 3).Gate("cz", 1, 2);
        var source = b.Build();
        var graph = CircuitHypergraph.Build(source);
        GatePlacement[] gates = [new(2, 1, GateRealization.Telegate), new(3, 1, GateRealization.Telegate), new(4, 1, GateRealization.Telegate), new(5, 1, GateRealization.Telegate)];
        var placement = new Placement(source, [0, 0, 1, 1], [.. gates], 2, [2, 2], graph);
        var roomy = Distributor.Lower(placement, DistributionFixtures.AllToAll(2, 2, commQubits: 2));
        Assert.Equal(2, roomy.Ebits);
        Assert.Equal(0, roomy.SerialisationEbits);
        Assert.Equal(2, roomy.PeakCommQubits[1]);
        var topology = DistributionFixtures.AllToAll(2, 2, commQubits: 1);
        var program = Distributor.Lower(placement, topology);
        AssertEquivalent(source, program);
        // One communication qubit on QPU 1: q0's copy goes before q1's comes, and q0's returns for the third gate.
        Assert.Equal([1, 1], program.PeakCommQubits.ToArray());
        Assert.Equal(2, program.SerialisationEbits);
        Assert.Equal(placement.Ebits + program.SerialisationEbits, program.Ebits);
        Assert.Empty(program.QpusOverCommLimit(topology));
    }

    [Fact]
    public void AGateAwayFromBothItsQubitsOnASingleCommQubitQpuMovesToAHome()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("ry", [0.3], 1).Gate("cp", [0.9], 0, 1);
        var source = b.Build();
        var placement = new Placement(source, [0, 1], [new(2, 2, GateRealization.Telegate)], 2, [1, 1, 0], CircuitHypergraph.Build(source));
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(3, 2, commQubits: 1));
        AssertEquivalent(source, program);
        Assert.Equal(1, program.Ebits);
        Assert.Equal(-1, program.SerialisationEbits);
        Assert.All(program.PeakCommQubits, p => Assert.True(p <= 1));
    }

    [Theory]
    [InlineData("cz", "x", 0)]
    [InlineData("cp", "y", 0)]
    [InlineData("cx", "z", 1)]
    [InlineData("cx", "y", 1)]
    public void AnAnticommutingGateIsEmbeddedInTheRun(string twoQubit, string oneQubit, int side)
    {
        // q0's two gates with q1 (away on QPU 1) form one run despite the gate between them:
        // X·diagonal in a diagonal run, Z·f(X) in an X-type one (q0 as cx target).
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        int[] pair = side == 0 ? [0, 1] : [1, 0];
        double[] angle = twoQubit == "cp" ? [0.7] : [];
        b.Gate("ry", [0.5], 0).Gate(twoQubit, angle, pair).Gate(oneQubit, 0).Gate(side == 0 ? "rz" : "rx", [0.3], 0).Gate(twoQubit, angle, pair).Gate("cz", 1, 2);
        var source = b.Build();
        var graph = CircuitHypergraph.Build(source);
        // Gate vertices 3, 4, 5: q0's run is one net through the one-qubit gates.
        var nets = Enumerable.Range(0, graph.Graph.NetCount).Select(e => string.Join(" ", graph.Graph.Pins(e).ToArray())).ToArray();
        Assert.Equal(["0 3 4", "1 3 4 5", "2 5"], nets.Order(StringComparer.Ordinal));
        var placement = new Placement(source, [0, 1, 1], [new(1, 1, GateRealization.Telegate), new(4, 1, GateRealization.Telegate), new(5, 1, GateRealization.Local)], 1, [1, 2], graph);
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(2, 2));
        Assert.Equal(1, program.Ebits);
        AssertEquivalent(source, program);
        var broken = program.Circuit.WithOperations([.. program.Circuit.Operations.Where(o => !(o is GateOperation { Condition: null, Qubits.Length: 1 } g && program.IsCommQubit[g.Qubits[0]] && g.Gate.Name == (side == 0 ? "x" : "z")))]);
        Assert.False(Equivalence.Check(source, broken, program.DataQubitMap, Check).Equivalent, "without the copy's Pauli the run is wrong");
    }

    [Fact]
    public void RelayingThroughASingleCommQubitQpuIsADiagnostic()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("h", 0).Gate("cz", 0, 1);
        var source = b.Build();
        var placement = new Placement(source, [0, 2], [new(1, 2, GateRealization.Telegate)], 2, [1, 0, 1], CircuitHypergraph.Build(source));
        var diagnostics = new DiagnosticBag();
        Assert.Null(Distributor.Lower(placement, DistributionFixtures.Line(3, 2, commQubits: 1), null, diagnostics, "line3.json"));
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(DistributionCodes.TooFewCommQubits, d.Code);
        Assert.Contains("'qpu1' has one communication qubit", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("z")]
    [InlineData("x")]
    public void ADroppedCorrectionIsCaught(string correction)
    {
        var source = DistributionFixtures.Random(2, 6, 16);
        var placement = Place(source, DistributionFixtures.AllToAll(3, 2));
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(3, 2));
        AssertEquivalent(placement.Normalized, program);
        var broken = DistributionFixtures.DropCorrection(program.Circuit, correction);
        var r = Equivalence.Check(placement.Normalized, broken, program.DataQubitMap, Check);
        Assert.False(r.Equivalent, r.ToString());
    }

    [Fact]
    public void NetworkOperationsAreWhereTheProgramSays()
    {
        var topology = DistributionFixtures.Line(3, 2);
        var placement = Place(DistributionFixtures.Random(12, 6, 14), topology);
        var program = Distributor.Lower(placement, topology);
        for (int q = 0; q < placement.QpuOfQubit.Length; q++)
        {
            Assert.Equal(placement.QpuOfQubit[q], program.QpuOfQubit[program.DataQubitMap[q]]);
            Assert.False(program.IsCommQubit[program.DataQubitMap[q]]);
        }
        var ops = program.Circuit.Operations;
        foreach (var pair in program.EprPairs)
        {
            Assert.True(topology.Links[pair.Link].Joins(pair.QpuA, pair.QpuB));
            Assert.Equal(pair.QpuA, program.QpuOfQubit[pair.QubitA]);
            Assert.Equal(pair.QpuB, program.QpuOfQubit[pair.QubitB]);
            Assert.True(program.IsCommQubit[pair.QubitA] && program.IsCommQubit[pair.QubitB]);
            Assert.Equal($"reset {pair.QubitA}", ops[pair.Operation].ToString());
            Assert.Equal($"reset {pair.QubitB}", ops[pair.Operation + 1].ToString());
            Assert.Equal("h", ((GateOperation)ops[pair.Operation + 2]).Gate.Name);
            Assert.Equal([pair.QubitA, pair.QubitB], ops[pair.Operation + 3].Qubits.ToArray());
        }
        // Apart from the pairs' preparation, every two-qubit gate acts within one QPU.
        var pairCx = program.EprPairs.Select(p => p.Operation + 3).ToHashSet();
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i] is GateOperation { Qubits.Length: 2 } g && !pairCx.Contains(i))
            {
                Assert.Equal(program.QpuOfQubit[g.Qubits[0]], program.QpuOfQubit[g.Qubits[1]]);
            }
        }
        Assert.Equal(program.Ebits, program.EbitsByLink.Sum());
    }

    [Fact]
    public void TheSamePlacementLowersToTheSameProgram()
    {
        var topology = DistributionFixtures.AllToAll(3, 3);
        var placement = Place(DistributionFixtures.Random(4, 7, 20), topology);
        var a = Distributor.Lower(placement, topology);
        var b = Distributor.Lower(placement, topology);
        Assert.Equal(a.Circuit.Operations.Select(o => o.ToString()), b.Circuit.Operations.Select(o => o.ToString()));
    }

    private DistributedProgram AssertLowersCorrectly(Circuit source, QdcTopology topology)
    {
        var placement = Place(source, topology);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(placement.Ebits + program.SerialisationEbits, program.Ebits);
        Assert.All(program.PeakCommQubits, (peak, p) => Assert.True(peak <= topology.Qpus[p].CommQubits));
        AssertEquivalent(placement.Normalized, program);
        // Where the limit does not bind, the pairs are exactly the partitioner's prediction.
        var roomy = Distributor.Lower(placement, DistributionFixtures.WithCommQubits(topology, 64));
        Assert.Equal(0, roomy.SerialisationEbits);
        Assert.Equal(placement.Ebits, roomy.Ebits);
        return roomy;
    }

    private void AssertEquivalent(Circuit reference, DistributedProgram program)
    {
        var r = Equivalence.Check(reference, program.Circuit, program.DataQubitMap, Check);
        output.WriteLine($"{program.Circuit.QubitCount} qubits, {program.Ebits} ebits, peak comm [{string.Join(", ", program.PeakCommQubits)}]: {r}");
        Assert.True(r.Equivalent, r.ToString());
    }

    private static Placement Place(Circuit source, QdcTopology topology) =>
        CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = 3, MaxDegreeOfParallelism = 1 })
        ?? throw new InvalidOperationException("does not fit");
}
