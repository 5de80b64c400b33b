using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Simulation.Stabilizer;

/// <summary>Seeded random Clifford circuits, spelled in every way the IR allows (names, angles, u3, diagonal two-qubit gates).</summary>
internal static class RandomCliffords
{
    private static readonly string[] Fixed = ["h", "s", "sdg", "x", "y", "z", "sx", "sxdg", "id", "cx", "cz", "cy", "swap"];

    public static Gate NextGate(SplitMix64 rng, int qubits)
    {
        double Quarter() => (rng.Next(8) - 4) * Math.PI / 2;
        while (true)
        {
            var gate = rng.Next(10) switch
            {
                0 => Gate.Create("rz", Quarter()),
                1 => Gate.Create("rx", Quarter()),
                2 => Gate.Create("ry", Quarter()),
                3 => Gate.Create("u3", Quarter(), Quarter(), Quarter()),
                4 => Gate.Create("p", Quarter()),
                5 => rng.Next(3) switch
                {
                    0 => Gate.Create("cp", rng.Next(2) * Math.PI),
                    1 => Gate.Create("crz", rng.Next(4) * Math.PI),
                    _ => Gate.Create("rzz", Quarter()),
                },
                _ => Gate.Create(Fixed[rng.Next(Fixed.Length)]),
            };
            if (gate.QubitCount <= qubits)
            {
                return gate;
            }
        }
    }

    public static Circuit Generate(ulong seed, int qubits, int gates)
    {
        var rng = new SplitMix64(seed);
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", qubits);
        for (int i = 0; i < gates; i++)
        {
            var g = NextGate(rng, qubits);
            b.Add(new GateOperation(g, [.. TestSupport.RandomCircuits.Distinct(rng, qubits, g.QubitCount)]));
        }
        return b.Build();
    }
}
