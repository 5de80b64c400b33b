using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Topology;
using Qdc.Qasm.NodePrograms;
using Qdc.Simulation;
using Qdc.Tests.TestSupport;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Emission;

/// <summary>parse(emit(p)), joined, is the source again: random circuits of every gate kind on random mixed-platform topologies.</summary>
public class NodeRoundTripTests(ITestOutputHelper output)
{
    private const int Cases = 48;

    // Past this the joined state vector makes a case slow; such cases are counted, not checked.
    private const int MaxSimulatedQubits = 14;

    private static readonly Platform[] Platforms = [Platform.Superconducting, Platform.TrappedIon, Platform.NeutralAtom, Platform.Generic];

    [Fact]
    public void RandomCircuitsComeBackEquivalentInNativeGates()
    {
        int simulated = 0, infeasible = 0;
        long pairs = 0, messages = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 7000);
            var topology = RandomTopology(rng);
            int qubits = Math.Min(topology.TotalDataQubits, 3 + rng.Next(4));
            var source = WithFinalMeasurements(RandomCircuits.Generate(seed, new RandomCircuitOptions
            {
                Qubits = qubits,
                Operations = 10 + rng.Next(14),
                MaxExtraControls = 1,
                ExtraControlRate = 0.1,
                BarrierRate = 0.05,
            }));
            var strategy = seed % 2 == 0 ? DistributionStrategy.Telegate : DistributionStrategy.Auto;
            var nodes = NodeFixtures.Emit(source, topology, strategy, (ulong)seed, quick: true);
            if (nodes.IsEmpty)
            {
                infeasible++;
                continue;
            }
            Assert.Equal(nodes.Select(n => n.Text), NodeFixtures.Emit(source, topology, strategy, (ulong)seed, quick: true).Select(n => n.Text));
            string what = $"seed {seed}: {qubits} qubits on {topology.Name}, {strategy}";
            foreach (var node in nodes)
            {
                var parsed = NodeFixtures.Parse(node);
                var native = topology.Qpus[node.QpuIndex].NativeGates;
                foreach (var g in parsed.Circuit.Operations.OfType<GateOperation>())
                {
                    Assert.True(native.Contains(g.Gate.Name), $"{what}: {node.FileName} runs {g.Gate.Name}, not native ({string.Join(", ", native)})");
                }
                // The header states the source clbits the program measures into.
                Assert.Equal(
                    parsed.Circuit.Operations.OfType<MeasureOperation>().Select(m => m.Clbit).Where(b => b < source.ClbitCount).Distinct().Order(),
                    parsed.Header.Writes);
                pairs += parsed.Calls.Count(c => c.Kind == NetworkCallKind.Epr);
                messages += parsed.Calls.Count(c => c.Kind == NetworkCallKind.Send);
            }
            var (joined, bag) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
            Assert.True(joined is not null, $"{what}: {string.Join("\n", bag.Items.Select(d => d.Format()))}");
            if (joined!.Circuit.QubitCount > MaxSimulatedQubits)
            {
                output.WriteLine($"{what}: {joined.Circuit.QubitCount} qubits joined, not simulated");
                continue;
            }
            var r = NodeFixtures.Validate(source, joined);
            Assert.True(r.Equivalent, $"{what}: {r}");
            simulated++;
        }
        output.WriteLine($"{simulated} of {Cases} joined programs simulated, {infeasible} infeasible (a relay through a one-communication-qubit QPU); {pairs / 2} pairs and {messages} messages in all");
        Assert.True(simulated >= (Cases - infeasible) * 2 / 3 && infeasible <= Cases / 4, $"only {simulated} cases were small enough to simulate ({infeasible} infeasible)");
        Assert.True(pairs > Cases && messages > Cases, "the cases should use the network often");
    }

    [Fact]
    public void TheJoinReusesMeasuredCommunicationQubits()
    {
        // Whether a communication qubit is measured and later reset for another copy depends on the
        // placement: over the example topologies and a few seeds, the join never needs more qubits
        // than the programs declare, and somewhere it needs fewer.
        int reused = 0;
        var source = NodeFixtures.LoadCircuit(Path.Combine(RepoPaths.Root, "examples", "qft16.qasm"));
        foreach (var (name, seed) in new[] { "dc4.json", "line4.json", "mixed.json", "mixed-sc-ion.json" }.SelectMany(t => new[] { 1UL, 2UL, 3UL }.Select(s => (t, s))))
        {
            var nodes = NodeFixtures.Emit(source, NodeFixtures.Load(Path.Combine(RepoPaths.Root, "examples", name)), seed: seed, quick: true);
            var parsed = nodes.Select(NodeFixtures.Parse).ToList();
            var (joined, bag) = NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
            Assert.False(bag.HasErrors);
            int declared = parsed.Sum(p => p.Circuit.QubitCount);
            Assert.True(declared > source.QubitCount);
            Assert.InRange(joined!.Circuit.QubitCount, source.QubitCount + 1, declared);
            Assert.Equal(Enumerable.Range(0, source.QubitCount), joined.StartMap.Order());
            Assert.Equal(joined.StartMap.ToArray(), joined.EndMap.ToArray());
            reused += joined.Circuit.QubitCount < declared ? 1 : 0;
        }
        Assert.True(reused > 0, "no example reuses a measured communication qubit");
    }

    /// <summary>2–5 QPUs of mixed platforms, uneven capacities, 1–3 communication qubits; line, ring, star or all-to-all.</summary>
    internal static QdcTopology RandomTopology(SplitMix64 rng)
    {
        int k = 2 + rng.Next(4);
        var qpus = Enumerable.Range(0, k)
            .Select(i => Qpu.FromPreset($"n{i}", 1 + rng.Next(3), Platforms[rng.Next(Platforms.Length)], 1 + rng.Next(3)))
            .ToList();
        int shape = k == 2 ? 0 : rng.Next(4);
        var links = new List<Link>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                bool linked = shape switch
                {
                    0 => true,
                    1 => b == a + 1,
                    2 => b == a + 1 || (a == 0 && b == k - 1),
                    _ => a == 0,
                };
                if (linked)
                {
                    links.Add(Link.WithDefaults(a, b));
                }
            }
        }
        string name = new[] { "all-to-all", "line", "ring", "star" }[shape] + $"-{k}";
        return new QdcTopology(name, [.. qpus], [.. links], Swapping: true);
    }

    internal static Circuit WithFinalMeasurements(Circuit c)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", c.QubitCount);
        b.AddClassicalRegister("c", c.QubitCount);
        foreach (var op in c.Operations)
        {
            b.Add(op);
        }
        for (int q = 0; q < c.QubitCount; q++)
        {
            b.Measure(q, q);
        }
        return b.Build();
    }
}
