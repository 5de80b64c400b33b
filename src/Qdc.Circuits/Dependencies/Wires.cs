namespace Qdc.Circuits.Dependencies;

/// <summary>
/// The wires an operation touches, as Qiskit's DAG has them: its qubits (0 … Q−1), then the
/// clbit a measurement writes and the clbits a condition reads (Q + clbit), each once.
/// </summary>
internal static class Wires
{
    public static int Count(Circuit circuit) => circuit.QubitCount + circuit.ClbitCount;

    /// <summary>Writes the wires of <paramref name="op"/> into <paramref name="buffer"/>; returns how many.</summary>
    public static int Fill(Operation op, int qubitCount, ref int[] buffer)
    {
        int max = op.Qubits.Length + 1 + (op.Condition?.Clbits.Length ?? 0);
        if (buffer.Length < max)
        {
            buffer = new int[Math.Max(max, buffer.Length * 2)];
        }
        int n = 0;
        foreach (var q in op.Qubits)
        {
            buffer[n++] = q;
        }
        if (op is MeasureOperation m)
        {
            n = AddOnce(buffer, n, qubitCount + m.Clbit);
        }
        if (op.Condition is { } c)
        {
            foreach (var b in c.Clbits)
            {
                n = AddOnce(buffer, n, qubitCount + b);
            }
        }
        return n;
    }

    /// <summary>Barriers order operations but add nothing to the depth (Qiskit excludes directives).</summary>
    public static int Weight(Operation op) => op.Kind == OperationKind.Barrier ? 0 : 1;

    private static int AddOnce(int[] buffer, int n, int wire)
    {
        for (int i = 0; i < n; i++)
        {
            if (buffer[i] == wire)
            {
                return n;
            }
        }
        buffer[n] = wire;
        return n + 1;
    }
}
