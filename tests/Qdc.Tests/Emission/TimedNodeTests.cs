using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Simulation;
using Qdc.Tests.TestSupport;
using Xunit.Abstractions;

namespace Qdc.Tests.Emission;

/// <summary>Node programs emitted with the scheduler's timing: they read back, join to the source, and their delays replay the schedule.</summary>
public class TimedNodeTests(ITestOutputHelper output)
{
    private const int Cases = 24;

    // Every gate the example circuits use is native, so emission keeps one statement per operation.
    private const string TwoQpus = """
        { "name": "timed", "qpus": [
            { "id": "a", "dataQubits": 2, "commQubits": 2, "nativeGates": ["u", "h", "x", "z", "rz", "cx"],
              "durations": { "1q": "50ns", "2q": "300ns", "measure": "1us", "reset": "500ns" } },
            { "id": "b", "dataQubits": 2, "commQubits": 2, "nativeGates": ["u", "h", "x", "z", "rz", "cx"],
              "durations": { "1q": "20us", "2q": "200us", "measure": "300us", "reset": "50us" } } ],
          "links": [ { "between": ["a", "b"], "eprRate": 1000, "latency": "10us" } ] }
        """;

    [Fact]
    public void RandomTimedProgramsComeBackEquivalent()
    {
        int simulated = 0, delays = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 9100);
            var topology = NodeRoundTripTests.RandomTopology(rng);
            int qubits = Math.Min(topology.TotalDataQubits, 3 + rng.Next(3));
            var source = NodeRoundTripTests.WithFinalMeasurements(RandomCircuits.Generate(seed, new RandomCircuitOptions
            {
                Qubits = qubits,
                Operations = 8 + rng.Next(10),
                MaxExtraControls = 1,
                ExtraControlRate = 0.1,
                BarrierRate = 0.05,
            }));
            if (NodeFixtures.Timed(source, topology, seed % 2 == 0 ? DistributionStrategy.Telegate : DistributionStrategy.Auto, (ulong)seed) is not { } timed)
            {
                continue;
            }
            string what = $"seed {seed} on {topology.Name}";
            foreach (var node in timed.Nodes)
            {
                NodeFixtures.Parse(node);
                delays += node.Text.Split('\n').Count(l => l.StartsWith("delay[", StringComparison.Ordinal));
            }
            var (joined, bag) = NodeFixtures.Join(timed.Nodes.Select(n => (n.FileName, n.Text)));
            Assert.True(joined is not null, $"{what}: {string.Join("\n", bag.Items.Select(d => d.Format()))}");
            if (joined!.Circuit.QubitCount > 14)
            {
                continue;
            }
            var r = NodeFixtures.Validate(source, joined);
            Assert.True(r.Equivalent, $"{what}: {r}");
            simulated++;
        }
        output.WriteLine($"{simulated} timed programs simulated, {delays} delays");
        Assert.True(simulated >= Cases / 2 && delays > Cases, $"{simulated} simulated, {delays} delays");
    }

    // The circuits never put two unconditioned one-qubit gates in a row on a qubit: the translator
    // would merge them into one native gate, and the qubit would then run ahead of the schedule
    // (never behind it: a gate still waits for its other operands, a recv for its message).
    [Theory]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\ncreg c[4];\ncx q[0],q[2];\nh q[2];\ncx q[1],q[3];\ncx q[2],q[3];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n")]
    [InlineData("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[4];\ncreg c[4];\nh q[0];\ncx q[0],q[1];\ncx q[1],q[2];\ncx q[2],q[3];\nh q[3];\ncx q[0],q[3];\nmeasure q -> c;\n")]
    public void DelaysAndDeclaredDurationsReplayTheSchedule(string qasm)
    {
        var topology = TopologyLoader.LoadText(TwoQpus, "timed.json", new DiagnosticBag())!;
        var source = QasmFrontEnd.LoadText(qasm, "timed.qasm", QasmOptions.Default, new DiagnosticBag())!;
        var (program, schedule, nodes) = NodeFixtures.Timed(source, topology) ?? throw new InvalidOperationException("no schedule");
        Assert.Contains(program.EprPairs, _ => true);
        foreach (var node in nodes)
        {
            var replayed = NodeTimingReplay.Starts(node, program, schedule).Order().ToList();
            var scheduled = NodeTimingReplay.Scheduled(node.QpuIndex, program, schedule).Order().ToList();
            Assert.Equal(scheduled.Count, replayed.Count);
            for (int k = 0; k < scheduled.Count; k++)
            {
                Assert.True(Math.Abs(scheduled[k] - replayed[k]) <= NodeTimingReplay.Tolerance(scheduled[k]),
                    $"{node.FileName}: start #{k} replays as {replayed[k]:R} s, scheduled {scheduled[k]:R} s\n{node.Text}");
            }
        }
        var (joined, _) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
        Assert.True(NodeFixtures.Validate(source, joined!).Equivalent);
    }

    [Fact]
    public void AQubitThatWaitsGetsADelayBeforeItsNextGate()
    {
        const string one = """
            { "name": "one", "qpus": [ { "id": "a", "dataQubits": 2, "commQubits": 1, "nativeGates": ["u", "h", "cx"],
              "durations": { "1q": "50ns", "2q": "300ns" } } ], "links": [] }
            """;
        var topology = TopologyLoader.LoadText(one, "one.json", new DiagnosticBag())!;
        var source = QasmFrontEnd.LoadText("OPENQASM 2.0;\ninclude \"qelib1.inc\";\nqreg q[2];\nh q[0];\nh q[0];\nh q[0];\ncx q[0],q[1];\n", "gap.qasm", QasmOptions.Default, new DiagnosticBag())!;
        var (_, _, nodes) = NodeFixtures.Timed(source, topology) ?? throw new InvalidOperationException("no schedule");
        string text = Assert.Single(nodes).Text;
        int delay = text.IndexOf("delay[150ns] data[1];\n", StringComparison.Ordinal);
        Assert.True(delay >= 0 && delay < text.IndexOf("cx data[0], data[1];", StringComparison.Ordinal), text);
        Assert.DoesNotContain("data[0];\ndelay", text, StringComparison.Ordinal);
        Assert.Single(text.Split('\n'), l => l.StartsWith("delay", StringComparison.Ordinal));
    }
}
