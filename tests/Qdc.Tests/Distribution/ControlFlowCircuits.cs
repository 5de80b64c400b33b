using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Topology;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

/// <summary>
/// Random circuits with every kind of gate (one-, two- and three-qubit, before normalization),
/// mid-circuit measurements (some followed by a reset), classically conditioned gates and final
/// measurements; and random topologies with uneven capacities and communication qubits.
/// </summary>
internal static class ControlFlowCircuits
{
    private static readonly string[] OneQubit = ["h", "x", "y", "z", "s", "sdg", "t", "tdg", "sx", "sxdg", "id", "rx", "ry", "rz", "p", "u2", "u3"];
    private static readonly string[] TwoQubit = ["cx", "cy", "cz", "ch", "swap", "csx", "crx", "cry", "crz", "cp", "cu3", "rxx", "rzz"];
    private static readonly string[] ThreeQubit = ["ccx", "cswap"];

    public static Circuit Random(SplitMix64 rng, int qubits, int operations)
    {
        int clbits = 1 + rng.Next(3);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        b.AddClassicalRegister("c", clbits);
        var written = new List<int>();
        for (int i = 0; i < operations; i++)
        {
            int kind = rng.Next(20);
            if (kind < 2)
            {
                // Mid-circuit measurement, often with the qubit reset for reuse.
                int q = rng.Next(qubits), c = rng.Next(clbits);
                b.Measure(q, c);
                written.Add(c);
                if (rng.Chance(0.6))
                {
                    b.Reset(q);
                }
                continue;
            }
            var gate = RandomGate(rng, qubits, out var operands);
            Condition? condition = null;
            if (kind < 4 && written.Count > 0)
            {
                condition = rng.Chance(0.7)
                    ? new Condition([written[rng.Next(written.Count)]], (ulong)rng.Next(2))
                    : new Condition([.. Enumerable.Range(0, clbits)], (ulong)rng.Next(1 << clbits));
            }
            b.Add(new GateOperation(gate, [.. operands], condition));
        }
        for (int q = 0; q < qubits; q++)
        {
            if (rng.Chance(0.3))
            {
                b.Measure(q, rng.Next(clbits));
            }
        }
        return b.Build();
    }

    private static Gate RandomGate(SplitMix64 rng, int qubits, out int[] operands)
    {
        int arity = qubits >= 3 && rng.Chance(0.05) ? 3 : rng.Chance(0.5) ? 2 : 1;
        string name = arity switch
        {
            1 => OneQubit[rng.Next(OneQubit.Length)],
            2 => TwoQubit[rng.Next(TwoQubit.Length)],
            _ => ThreeQubit[rng.Next(ThreeQubit.Length)],
        };
        operands = Distinct(rng, qubits, arity);
        return Gate.Create(name, [.. Enumerable.Range(0, ParameterCount(name)).Select(_ => rng.NextAngle())]);
    }

    private static int ParameterCount(string name) => name switch
    {
        "rx" or "ry" or "rz" or "p" or "crx" or "cry" or "crz" or "cp" or "rxx" or "rzz" => 1,
        "u2" => 2,
        "u3" or "cu3" => 3,
        _ => 0,
    };

    private static int[] Distinct(SplitMix64 rng, int qubits, int count)
    {
        var picked = new List<int>();
        while (picked.Count < count)
        {
            int q = rng.Next(qubits);
            if (!picked.Contains(q))
            {
                picked.Add(q);
            }
        }
        return [.. picked];
    }

    /// <summary>2–5 QPUs as a line, ring, star or all-to-all, with room for the qubits spread unevenly and 1–3 communication qubits each.</summary>
    public static QdcTopology Topology(SplitMix64 rng, int qubits, out string shape)
    {
        int k = 2 + rng.Next(4);
        var capacity = new int[k];
        for (int i = 0; i < qubits + rng.Next(3); i++)
        {
            capacity[i < k ? i : rng.Next(k)]++;
        }
        var qpus = Enumerable.Range(0, k)
            .Select(i => Qpu.FromPreset($"qpu{i}", Math.Max(1, capacity[i]), Platform.Superconducting, 1 + rng.Next(3)));
        int pick = rng.Next(4);
        shape = k == 2 ? "pair" : new[] { "line", "ring", "star", "all-to-all" }[pick];
        List<Link> links = shape switch
        {
            "line" or "pair" => [.. Enumerable.Range(0, k - 1).Select(a => Link.WithDefaults(a, a + 1))],
            "ring" => [.. Enumerable.Range(0, k).Select(a => Link.WithDefaults(a, (a + 1) % k))],
            "star" => [.. Enumerable.Range(1, k - 1).Select(a => Link.WithDefaults(0, a))],
            _ => [.. Enumerable.Range(0, k).SelectMany(a => Enumerable.Range(a + 1, k - a - 1).Select(b => Link.WithDefaults(a, b)))],
        };
        return new QdcTopology("random", [.. qpus], [.. links], Swapping: true);
    }
}
