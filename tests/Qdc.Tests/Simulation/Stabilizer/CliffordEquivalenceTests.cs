using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Simulation;
using Qdc.Simulation.Stabilizer;
using Qdc.Tests.Emission;
using Qdc.Tests.TestSupport;
using Xunit.Abstractions;

namespace Qdc.Tests.Simulation.Stabilizer;

/// <summary>The tableau check on compiled random Clifford circuits, and on candidates broken on purpose.</summary>
public class CliffordEquivalenceTests(ITestOutputHelper output)
{
    private static readonly DistributionStrategy[] Strategies = [DistributionStrategy.Telegate, DistributionStrategy.Teledata, DistributionStrategy.Auto];

    [Fact]
    public void CompiledRandomCliffordCircuitsAreEquivalentAndBrokenOnesAreNot()
    {
        int checkedCases = 0, broken = 0, agreed = 0;
        for (int seed = 0; seed < 36; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 4100);
            var topology = NodeRoundTripTests.RandomTopology(rng);
            int qubits = Math.Min(topology.TotalDataQubits, 3 + rng.Next(4));
            var source = RandomCliffords.Generate((ulong)seed, qubits, 12 + rng.Next(16));
            var strategy = Strategies[seed % Strategies.Length];
            var nodes = NodeFixtures.Emit(source, topology, strategy, (ulong)seed, quick: true);
            if (nodes.IsEmpty)
            {
                continue;
            }
            var (joined, bag) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
            Assert.True(joined is not null, string.Join("\n", bag.Items));
            string what = $"seed {seed}: {qubits} qubits on {topology.Name}, {strategy}";
            var result = Check(source, joined!);
            Assert.True(result.Equivalent, $"{what}: {result}");
            checkedCases++;

            // Drop each correction in turn until one makes a difference the statevector check also sees.
            var candidate = TerminalMeasurements.Strip(joined!.Circuit);
            var conditioned = Enumerable.Range(0, candidate.Operations.Length).Where(i => candidate.Operations[i].Condition is not null).ToList();
            foreach (int at in conditioned)
            {
                var without = candidate.WithOperations(candidate.Operations.RemoveAt(at));
                var tableau = CliffordEquivalence.Check(source, without, joined.StartMap, new CliffordEquivalenceOptions { OutputQubitMap = joined.EndMap });
                Assert.Null(tableau.Message);
                if (without.QubitCount <= 14)
                {
                    var statevector = Equivalence.Check(source, without, joined.StartMap, NodeFixtures.Check with { OutputQubitMap = joined.EndMap, Exhaustive = ExhaustiveMode.Always, MaxExhaustiveMeasurements = 30 });
                    Assert.True(statevector.Equivalent == tableau.Equivalent, $"{what}, without operation {at}: statevector says {statevector}, tableau says {tableau}");
                    agreed++;
                }
                if (!tableau.Equivalent)
                {
                    Assert.False(string.IsNullOrEmpty(tableau.Difference));
                    broken++;
                    break;
                }
            }
        }
        output.WriteLine($"{checkedCases} compiled circuits equivalent; {broken} with a correction dropped caught; {agreed} verdicts compared with the statevector check");
        Assert.True(checkedCases >= 30, $"only {checkedCases} cases compiled");
        Assert.True(broken >= 15, $"only {broken} broken candidates");
    }

    [Fact]
    public void SignsMatter()
    {
        // Z on the data turns the Choi state's +XX into −XX: same Paulis, other sign.
        var reference = Build(1, _ => { });
        var candidate = Build(1, b => b.Add(new GateOperation(Gate.Create("z"), [0])));
        var r = CliffordEquivalence.Check(reference, candidate, [0]);
        Assert.False(r.Equivalent);
        Assert.Contains("+X[q[0]] X[q[0]']", r.Difference);
        Assert.Contains("-X[q[0]] X[q[0]']", r.Difference);
        // A global phase is no difference: rz(π) is Z up to phase, and so is u1(π)·s·s·z.
        var phased = Build(1, b => b.Add(new GateOperation(Gate.Create("rz", Math.PI), [0])));
        Assert.True(CliffordEquivalence.Check(candidate, phased, [0]).Equivalent);
    }

    [Fact]
    public void ExtraQubitsMustEndDisentangled()
    {
        var reference = Build(2, b => b.Add(new GateOperation(Gate.Create("cx"), [0, 1])));
        var candidate = Build(3, b =>
        {
            b.Add(new GateOperation(Gate.Create("cx"), [0, 1]));
            b.Add(new GateOperation(Gate.Create("cx"), [1, 2]));
        });
        var r = CliffordEquivalence.Check(reference, candidate, [0, 1]);
        Assert.False(r.Equivalent);
        Assert.Contains("stay entangled", r.Difference);
        // Measured in the X basis and corrected (a cat-disentangle), the extra qubit is a product again.
        var fixedUp = Build(3, b =>
        {
            b.Add(new GateOperation(Gate.Create("cx"), [0, 1]));
            b.Add(new GateOperation(Gate.Create("cx"), [1, 2]));
            b.Add(new GateOperation(Gate.Create("h"), [2]));
            b.Measure(2, 0);
            b.Add(new GateOperation(Gate.Create("z"), [1], new Condition([0], 1)));
        }, clbits: 1);
        var ok = CliffordEquivalence.Check(reference, fixedUp, [0, 1]);
        Assert.True(ok.Equivalent, ok.ToString());
        Assert.Equal(32, ok.Branches);
    }

    [Fact]
    public void AMovedQubitIsFollowedByTheOutputMap()
    {
        var reference = Build(2, b => b.Add(new GateOperation(Gate.Create("h"), [0])));
        var candidate = Build(2, b =>
        {
            b.Add(new GateOperation(Gate.Create("h"), [0]));
            b.Add(new GateOperation(Gate.Create("swap"), [0, 1]));
        });
        Assert.False(CliffordEquivalence.Check(reference, candidate, [0, 1]).Equivalent);
        var moved = CliffordEquivalence.Check(reference, candidate, [0, 1], new CliffordEquivalenceOptions { OutputQubitMap = [1, 0] });
        Assert.True(moved.Equivalent, moved.ToString());
        Assert.Equal(1, moved.Branches);
    }

    [Fact]
    public void NonCliffordAndMidCircuitReferencesAreRefused()
    {
        var t = Build(1, b => b.Add(new GateOperation(Gate.Create("t"), [0])));
        Assert.Contains("not Clifford", CliffordEquivalence.Check(t, t, [0]).Message);
        var measured = Build(1, b =>
        {
            b.Measure(0, 0);
            b.Add(new GateOperation(Gate.Create("h"), [0]));
        }, clbits: 1);
        Assert.Contains("mid-circuit measurement", CliffordEquivalence.Check(measured, measured, [0]).Message);
    }

    [Fact]
    public void AFiftyQubitCircuitIsCheckedQuickly()
    {
        var source = RandomCliffords.Generate(77, 50, 2000);
        var topology = NodeFixtures.Load(Path.Combine(RepoPaths.Root, "examples", "dc4.json"));
        var wide = topology with { Qpus = [.. topology.Qpus.Select(q => q with { DataQubits = 14 })] };
        var nodes = NodeFixtures.Emit(source, wide, DistributionStrategy.Auto, quick: true);
        var (joined, _) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var r = Check(source, joined!);
        Assert.True(r.Equivalent, r.ToString());
        output.WriteLine($"{joined!.Circuit.QubitCount} joined qubits, {joined.Circuit.Operations.Length} operations: {r} in {watch.Elapsed.TotalSeconds:F2} s");
        Assert.True(r.Branches == 32);
    }

    private static CliffordEquivalenceResult Check(Circuit source, JoinedProgram joined) =>
        CliffordEquivalence.Check(source, joined.Circuit, joined.StartMap, new CliffordEquivalenceOptions { OutputQubitMap = joined.EndMap, Seed = 5 });

    internal static Circuit Build(int qubits, Action<CircuitBuilder> body, int clbits = 0)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        if (clbits > 0)
        {
            b.AddClassicalRegister("c", clbits);
        }
        body(b);
        return b.Build();
    }
}
