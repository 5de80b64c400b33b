using System.Numerics;
using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>The statevector simulator's façade: run a circuit once, or sample shots from it.</summary>
public static class Simulator
{
    /// <summary>
    /// Runs <paramref name="circuit"/> once from |0…0⟩, measuring with outcomes drawn from
    /// <see cref="SimulationOptions.Seed"/>. A state that does not fit gives a result with an error.
    /// </summary>
    public static SimulationResult Run(Circuit circuit, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        if (MemoryGuard.Check(circuit.QubitCount, options) is { } error)
        {
            return new SimulationResult(null, [], error);
        }
        var state = StateVector.Zero(circuit.QubitCount, options.EffectiveThreads);
        var clbits = new bool[circuit.ClbitCount];
        var rng = new Xoshiro256(options.Seed);
        CompiledCircuit.Compile(circuit, options.EffectiveFusion).Execute(state, clbits, (_, p1) => rng.NextDouble() < p1 ? 1 : 0, fromZero: true);
        state.ApplyGlobalPhase(circuit.GlobalPhase);
        return new SimulationResult(state, [.. clbits], null);
    }

    /// <summary>
    /// Counts over <paramref name="shots"/> shots. A circuit whose measurements all come at the end
    /// is simulated once and sampled from its final distribution; otherwise the part before the
    /// first measurement runs once and each shot runs the rest on a copy.
    /// </summary>
    public static SamplingResult Sample(Circuit circuit, int shots, ulong seed, SimulationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shots);
        options = (options ?? new SimulationOptions()) with { Seed = seed };
        int firstDynamic = FirstDynamicOperation(circuit);
        bool terminalOnly = HasOnlyTerminalMeasurements(circuit, firstDynamic);
        if (MemoryGuard.Check(circuit.QubitCount, options, terminalOnly ? 1 : 2) is { } error)
        {
            return new SamplingResult(shots, [], terminalOnly, error);
        }
        var rng = new Xoshiro256(seed);
        var state = StateVector.Zero(circuit.QubitCount, options.EffectiveThreads);
        int fusion = options.EffectiveFusion;
        CompiledCircuit.Compile(circuit, fusion, 0, firstDynamic).Execute(state, [], (_, _) => 0, fromZero: true);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        if (terminalOnly)
        {
            SampleFinal(circuit, state, shots, rng, counts, firstDynamic, fusion);
            return new SamplingResult(shots, counts, true, null);
        }
        var rest = CompiledCircuit.Compile(circuit, fusion, firstDynamic);
        for (int s = 0; s < shots; s++)
        {
            var copy = state.Clone();
            var clbits = new bool[circuit.ClbitCount];
            rest.Execute(copy, clbits, (_, p1) => rng.NextDouble() < p1 ? 1 : 0);
            var key = Bitstring(clbits);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return new SamplingResult(shots, counts, false, null);
    }

    /// <summary>Bits as a string, bit 0 rightmost (as Qiskit prints counts).</summary>
    public static string Bitstring(ReadOnlySpan<bool> bits)
    {
        var chars = new char[bits.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            chars[bits.Length - 1 - i] = bits[i] ? '1' : '0';
        }
        return new string(chars);
    }

    /// <summary>The index of the first measurement, reset or conditioned operation (or the count).</summary>
    private static int FirstDynamicOperation(Circuit circuit)
    {
        var ops = circuit.Operations;
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i] is MeasureOperation or ResetOperation || ops[i].Condition is not null)
            {
                return i;
            }
        }
        return ops.Length;
    }

    /// <summary>True when everything from <paramref name="from"/> on is an unconditioned measurement (or barrier) of a qubit nothing touches afterwards.</summary>
    private static bool HasOnlyTerminalMeasurements(Circuit circuit, int from)
    {
        var ops = circuit.Operations;
        var measured = new HashSet<int>();
        for (int i = from; i < ops.Length; i++)
        {
            switch (ops[i])
            {
                case BarrierOperation:
                    continue;
                case MeasureOperation m when m.Condition is null && measured.Add(m.Qubit):
                    continue;
                case GateOperation g when g.Condition is null && !g.Qubits.Any(measured.Contains):
                    continue;
                default:
                    return false;
            }
        }
        return true;
    }

    private static void SampleFinal(Circuit circuit, StateVector state, int shots, Xoshiro256 rng, SortedDictionary<string, int> counts, int from, int fusion)
    {
        // Gates after the first measurement act on unmeasured qubits only, so they commute past the measurements.
        var gates = circuit.WithOperations([.. circuit.Operations.Skip(from).Where(o => o is GateOperation)]);
        CompiledCircuit.Compile(gates, fusion).Execute(state, [], (_, _) => 0);
        var clbitOf = new List<(int Qubit, int Clbit)>();
        foreach (var m in circuit.Operations.OfType<MeasureOperation>())
        {
            clbitOf.Add((m.Qubit, m.Clbit));
        }
        // Sorted uniforms meet the cumulative distribution in one pass over the amplitudes.
        double total = state.NormSquared();
        var u = new double[shots];
        for (int s = 0; s < shots; s++)
        {
            u[s] = rng.NextDouble() * total;
        }
        Array.Sort(u);
        var amps = state.Amplitudes;
        var hits = new Dictionary<long, int>();
        double cumulative = 0;
        long index = 0;
        foreach (var x in u)
        {
            while (index < amps.Length - 1 && cumulative + Probability(amps[(int)index]) <= x)
            {
                cumulative += Probability(amps[(int)index]);
                index++;
            }
            while (Probability(amps[(int)index]) == 0 && index > 0)
            {
                index--; // rounding pushed us past the end onto impossible outcomes
            }
            hits[index] = hits.GetValueOrDefault(index) + 1;
        }
        var bits = new bool[circuit.ClbitCount];
        foreach (var (i, n) in hits)
        {
            Array.Clear(bits);
            foreach (var (q, c) in clbitOf)
            {
                bits[c] = (i >> q & 1) != 0;
            }
            var key = Bitstring(bits);
            counts[key] = counts.GetValueOrDefault(key) + n;
        }
    }

    private static double Probability(Complex z) => (z.Real * z.Real) + (z.Imaginary * z.Imaginary);
}
