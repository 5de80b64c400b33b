using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Simulation.Stabilizer;
using Qdc.Tests.Emission;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Simulation.Stabilizer;

/// <summary>The proxy is Clifford and keeps the hypergraph, so compiling it spends what compiling the source does.</summary>
public class CliffordProxyTests
{
    public static TheoryData<string> Examples => new() { "qft16.qasm", "adder4.qasm", "qaoa10.qasm", "ghz12.qasm", "cluster-ring.qasm" };

    [Theory]
    [MemberData(nameof(Examples))]
    public void CompilingTheProxyGivesTheSamePartitionAndEbits(string file)
    {
        var source = NodeFixtures.LoadCircuit(Path.Combine(RepoPaths.Root, "examples", file));
        var proxy = CliffordProxy.Of(source);
        Assert.NotNull(CliffordProgram.TryCompile(proxy, out _));
        var topology = NodeFixtures.Load(Path.Combine(RepoPaths.Root, "examples", "dc4.json"));
        foreach (var strategy in new[] { DistributionStrategy.Telegate, DistributionStrategy.Auto })
        {
            var options = new PartitionOptions { Seed = 1, Attempts = 2, InitialTries = 2, MaxDegreeOfParallelism = 1, Teledata = strategy != DistributionStrategy.Telegate };
            var a = CircuitPartitioner.Place(source, topology, options)!;
            var b = CircuitPartitioner.Place(proxy, topology, options)!;
            Assert.Equal(a.QpuOfQubit.ToArray(), b.QpuOfQubit.ToArray());
            Assert.Equal(a.Ebits, b.Ebits);
            Assert.Equal(a.Gates.Select(g => (g.Qpu, g.Realization)), b.Gates.Select(g => (g.Qpu, g.Realization)));
            var lowered = Distributor.LowerBest(a, topology, new DistributionOptions { Strategy = strategy }, new DiagnosticBag())!.Value;
            var loweredProxy = Distributor.LowerBest(b, topology, new DistributionOptions { Strategy = strategy }, new DiagnosticBag())!.Value;
            Assert.Equal(lowered.Program.Ebits, loweredProxy.Program.Ebits);
        }
    }

    [Fact]
    public void RandomCircuitsKeepTheirHypergraph()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var source = TestSupport.RandomCircuits.Generate(seed, new RandomCircuitOptions { Qubits = 5, Operations = 40, MaxExtraControls = 1, ExtraControlRate = 0.1 });
            var proxy = CliffordProxy.Of(source);
            Assert.NotNull(CliffordProgram.TryCompile(proxy, out _));
            Assert.Equal(source.QubitCount, proxy.QubitCount);
            var a = CircuitHypergraph.Build(Normalizer.ToBasis(source));
            var b = CircuitHypergraph.Build(Normalizer.ToBasis(proxy));
            Assert.Equal(a.Graph.NetCount, b.Graph.NetCount);
            for (int e = 0; e < a.Graph.NetCount; e++)
            {
                Assert.Equal(a.Graph.Pins(e).ToArray(), b.Graph.Pins(e).ToArray());
            }
            Assert.Equal(a.NetKind.ToArray(), b.NetKind.ToArray());
        }
    }

    /// <summary>Each replacement commutes or anticommutes with Z and with X exactly when the gate it replaces does.</summary>
    [Fact]
    public void ReplacementsKeepHowTheGateMeetsZAndX()
    {
        var rng = new TestSupport.SplitMix64(12);
        var gates = new List<Gate> { Gate.Create("t"), Gate.Create("tdg"), Gate.Create("rx", 0.4), Gate.Create("rx", -0.4), Gate.Create("ry", 1.1), Gate.Create("u3", Math.PI, 0.3, 0.2) };
        for (int i = 0; i < 200; i++)
        {
            gates.Add(Gate.Create("u3", rng.NextAngle(), rng.NextAngle(), rng.NextAngle()));
            gates.Add(Gate.Create("rz", rng.NextAngle()));
            // Z·f(X) and X·diagonal: the two anticommuting kinds.
            gates.Add(new Gate(GateLibrary.Get("u3"), [Math.PI, rng.NextAngle(), rng.NextAngle()]));
        }
        gates.Add(new Gate(GateLibrary.Get("u3"), [0.7, Math.PI / 2, -Math.PI / 2]));
        foreach (var g in gates.Where(g => OneQubitClass.Classify(g.Matrix) is null))
        {
            var r = CliffordProxy.Replacement(g);
            Assert.NotNull(OneQubitClass.Classify(r.Matrix));
            Assert.Equal(Profile(g.Matrix), Profile(r.Matrix));
        }
        Assert.Equal("s", CliffordProxy.Replacement(Gate.Create("t")).Name);
        Assert.Equal("sdg", CliffordProxy.Replacement(Gate.Create("tdg")).Name);
        Assert.Equal("sx", CliffordProxy.Replacement(Gate.Create("rx", 0.4)).Name);
        Assert.Equal("h", CliffordProxy.Replacement(Gate.Create("ry", 1.1)).Name);
        Assert.Equal("cz", CliffordProxy.Replacement(Gate.Create("cp", 0.3)).Name);
    }

    [Fact]
    public void MeasurementsAndConditionsStay()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 1);
        b.Add(new GateOperation(Gate.Create("t"), [0]));
        b.Measure(0, 0);
        b.Add(new GateOperation(Gate.Create("rz", 0.2), [1], new Condition([0], 1)));
        var proxy = CliffordProxy.Of(b.Build());
        Assert.Equal(["s", "measure", "s"], proxy.Operations.Select(o => o is GateOperation g ? g.Gate.Name : "measure"));
        Assert.NotNull(proxy.Operations[2].Condition);
    }

    private static (bool, bool, bool, bool) Profile(GateMatrix m)
    {
        var z = OneQubitClass.Image(m, GateLibrary.Z);
        var x = OneQubitClass.Image(m, GateLibrary.X);
        return (z == new SignedPauli('Z', false), z == new SignedPauli('Z', true), x == new SignedPauli('X', false), x == new SignedPauli('X', true));
    }
}
