using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Tests.TestSupport;

/// <summary>Seeded random circuits over the standard gates, for property tests.</summary>
public static class RandomCircuits
{
    public static Circuit Generate(int seed, RandomCircuitOptions? options = null)
    {
        var o = options ?? new RandomCircuitOptions();
        var rng = new SplitMix64((ulong)seed);
        var gates = GateLibrary.All
            .Where(d => (d.Libraries & o.Libraries) != 0 || (o.IncludeHiddenGates && d.Libraries == GateLibraries.None))
            .Where(d => d.Qubits <= o.Qubits)
            .ToArray();
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", o.Qubits);
        if (o.Clbits > 0)
        {
            b.AddClassicalRegister("c", o.Clbits);
        }
        b.GlobalPhase = rng.NextAngle();
        for (int i = 0; i < o.Operations; i++)
        {
            b.Add(NextOperation(rng, o, gates));
        }
        return b.Build();
    }

    private static Operation NextOperation(SplitMix64 rng, RandomCircuitOptions o, GateDefinition[] gates)
    {
        if (o.Clbits > 0 && rng.Chance(o.MeasureRate))
        {
            return new MeasureOperation(rng.Next(o.Qubits), rng.Next(o.Clbits), NextCondition(rng, o));
        }
        if (rng.Chance(o.ResetRate))
        {
            return new ResetOperation(rng.Next(o.Qubits));
        }
        if (rng.Chance(o.BarrierRate))
        {
            return new BarrierOperation([.. Distinct(rng, o.Qubits, 1 + rng.Next(o.Qubits))]);
        }
        var def = gates[rng.Next(gates.Length)];
        int room = o.Qubits - def.Qubits;
        int controls = room > 0 && o.MaxExtraControls > 0 && rng.Chance(o.ExtraControlRate)
            ? 1 + rng.Next(Math.Min(room, o.MaxExtraControls))
            : 0;
        var parameters = Enumerable.Range(0, def.ParameterCount).Select(_ => rng.NextAngle()).ToArray();
        var gate = new Gate(def, [.. parameters], controls);
        return new GateOperation(gate, [.. Distinct(rng, o.Qubits, gate.QubitCount)], NextCondition(rng, o));
    }

    private static Condition? NextCondition(SplitMix64 rng, RandomCircuitOptions o)
    {
        if (o.Clbits == 0 || !rng.Chance(o.ConditionRate))
        {
            return null;
        }
        int width = 1 + rng.Next(Math.Min(o.Clbits, 3));
        var bits = Distinct(rng, o.Clbits, width);
        return new Condition([.. bits], (ulong)rng.Next(1 << width), equal: !rng.Chance(0.2));
    }

    // k distinct values from 0 … n−1 in random order (a partial Fisher–Yates shuffle).
    internal static int[] Distinct(SplitMix64 rng, int n, int k)
    {
        var pool = Enumerable.Range(0, n).ToArray();
        for (int i = 0; i < k; i++)
        {
            int j = i + rng.Next(n - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }
        return pool[..k];
    }
}
