using Qdc.Circuits;
using Qdc.Compiler.Topology;
using Qdc.Tests.TestSupport;
using CircuitHypergraph = Qdc.Compiler.Partitioning.CircuitHypergraph;
using GatePlacement = Qdc.Compiler.Partitioning.GatePlacement;
using GateRealization = Qdc.Compiler.Partitioning.GateRealization;
using Placement = Qdc.Compiler.Partitioning.Placement;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

/// <summary>Small topologies and random circuits of the normalizer's output gates, for lowering tests.</summary>
internal static class DistributionFixtures
{
    private static readonly string[] OneQubitGates = ["h", "x", "s", "t", "sdg", "rx", "ry", "rz", "u3"];
    private static readonly string[] TwoQubitGates = ["cx", "cz", "cp", "rzz"];

    public static QdcTopology AllToAll(int qpus, int capacity, int commQubits = 2)
    {
        var links = new List<Link>();
        for (int a = 0; a < qpus; a++)
        {
            for (int b = a + 1; b < qpus; b++)
            {
                links.Add(Link.WithDefaults(a, b));
            }
        }
        return Build(qpus, capacity, commQubits, links);
    }

    public static QdcTopology Line(int qpus, int capacity, int commQubits = 2) =>
        Build(qpus, capacity, commQubits, [.. Enumerable.Range(0, qpus - 1).Select(a => Link.WithDefaults(a, a + 1))]);

    public static QdcTopology Ring(int qpus, int capacity, int commQubits = 2) =>
        Build(qpus, capacity, commQubits, [.. Enumerable.Range(0, qpus).Select(a => Link.WithDefaults(a, (a + 1) % qpus))]);

    /// <summary>QPU 0 is the hub.</summary>
    public static QdcTopology Star(int qpus, int capacity, int commQubits = 2) =>
        Build(qpus, capacity, commQubits, [.. Enumerable.Range(1, qpus - 1).Select(a => Link.WithDefaults(0, a))]);

    /// <summary>The same topology with this many communication qubits on every QPU (many: the limit never binds).</summary>
    public static QdcTopology WithCommQubits(QdcTopology topology, int commQubits) =>
        topology with { Qpus = [.. topology.Qpus.Select(q => q with { CommQubits = commQubits })] };

    private static QdcTopology Build(int qpus, int capacity, int commQubits, List<Link> links) =>
        new(
            "test",
            [.. Enumerable.Range(0, qpus).Select(i => Qpu.FromPreset($"qpu{i}", capacity, Platform.Superconducting, commQubits))],
            [.. links],
            Swapping: true);

    /// <summary>
    /// One- and two-qubit gates (about half two-qubit), with random angles. With a hub, every
    /// gate involves qubit 0, so its runs reach other QPUs again and again (teledata's case).
    /// </summary>
    public static Circuit Random(int seed, int qubits, int gates, bool hub = false)
    {
        var rng = new SplitMix64((ulong)seed * 0x9E3779B97F4A7C15UL + 1);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        for (int i = 0; i < gates; i++)
        {
            if (rng.Next(2) == 0)
            {
                string name = OneQubitGates[rng.Next(OneQubitGates.Length)];
                double[] angles = name switch
                {
                    "rx" or "ry" or "rz" => [rng.NextAngle()],
                    "u3" => [rng.NextAngle(), rng.NextAngle(), rng.NextAngle()],
                    _ => [],
                };
                b.Gate(name, angles, hub ? 0 : rng.Next(qubits));
            }
            else
            {
                string name = TwoQubitGates[rng.Next(TwoQubitGates.Length)];
                int a = hub ? 0 : rng.Next(qubits);
                int c = (a + 1 + rng.Next(qubits - 1)) % qubits;
                if (hub && rng.Next(2) == 0)
                {
                    (a, c) = (c, a);
                }
                b.Gate(name, name is "cp" or "rzz" ? [rng.NextAngle()] : [], a, c);
            }
        }
        return b.Build();
    }

    /// <summary>q0 on QPU 0 meets q1 and q2 on QPU <paramref name="away"/> in three runs that H gates break apart (teledata's case).</summary>
    public static Placement ThreeRunsAway(int away)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 3);
        b.Gate("ry", [0.8], 0).Gate("cz", 0, 1).Gate("h", 0).Gate("cp", [0.6], 2, 0).Gate("h", 0).Gate("cx", 0, 2).Gate("h", 0).Gate("rz", [0.3], 0);
        var source = b.Build();
        GatePlacement[] gates = [new(1, away, GateRealization.Telegate), new(3, away, GateRealization.Telegate), new(5, away, GateRealization.Telegate)];
        return new Placement(source, [0, away, away], [.. gates], 3 * away, [.. Enumerable.Range(0, away + 1).Select(p => p == 0 ? 1L : p == away ? 2L : 0L)], CircuitHypergraph.Build(source));
    }

    /// <summary>The program with one classically conditioned gate of this name removed (a broken lowering).</summary>
    public static Circuit DropCorrection(Circuit program, string gate, int occurrence = 0)
    {
        var ops = program.Operations.ToList();
        int seen = 0;
        for (int i = 0; i < ops.Count; i++)
        {
            if (ops[i] is GateOperation { Condition: not null } g && g.Gate.Name == gate && seen++ == occurrence)
            {
                ops.RemoveAt(i);
                return program.WithOperations([.. ops]);
            }
        }
        throw new InvalidOperationException($"no conditioned {gate} number {occurrence}");
    }
}
