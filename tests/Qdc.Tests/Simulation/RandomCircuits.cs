using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Tests.Simulation;

/// <summary>Random gates and circuits over the whole gate library, for the simulator tests.</summary>
internal static class RandomCircuits
{
    public static readonly string[] GateNames =
    [
        "h", "x", "y", "z", "s", "sdg", "t", "sx", "rx", "ry", "rz", "p", "u3", "u2",
        "cx", "cy", "cz", "ch", "swap", "crx", "cry", "crz", "cp", "cu", "rxx", "rzz", "csx",
        "ccx", "cswap", "rccx", "c3x", "rc3x", "c3sqrtx", "c4x",
    ];

    public static Gate RandomGate(string name, Random rng)
    {
        var def = GateLibrary.Get(name);
        var ps = Enumerable.Range(0, def.ParameterCount).Select(_ => (rng.NextDouble() * 4 * Math.PI) - (2 * Math.PI)).ToArray();
        return new Gate(def, [.. ps]);
    }

    /// <summary>Extra controls on a gate (ctrl @), exercising the multi-controlled paths.</summary>
    public static Gate Controlled(string name, int controls, Random rng)
    {
        var g = RandomGate(name, rng);
        return new Gate(g.Definition, g.Parameters, controls);
    }

    public static int[] RandomQubits(int n, int k, Random rng) =>
        [.. Enumerable.Range(0, n).OrderBy(_ => rng.Next()).Take(k)];

    public static Circuit Circuit(int n, int gates, Random rng, int maxArity = 5, double globalPhase = 0)
    {
        var b = new CircuitBuilder { GlobalPhase = globalPhase };
        b.AddQuantumRegister("q", n);
        var names = GateNames.Where(g => GateLibrary.Get(g).Qubits <= Math.Min(n, maxArity)).ToArray();
        for (int i = 0; i < gates; i++)
        {
            var g = RandomGate(names[rng.Next(names.Length)], rng);
            b.Add(new GateOperation(g, [.. RandomQubits(n, g.QubitCount, rng)]));
        }
        return b.Build();
    }
}
