using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>Measurements at the end of a circuit, which equivalence checks compare the state before.</summary>
public static class TerminalMeasurements
{
    /// <summary>
    /// The circuit without measurements that nothing after them uses: no later operation on the
    /// qubit, no later condition on the bit.
    /// </summary>
    public static Circuit Strip(Circuit circuit)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var ops = circuit.Operations;
        var qubitUsedLater = new bool[circuit.QubitCount];
        var clbitReadLater = new bool[circuit.ClbitCount];
        var keep = new bool[ops.Length];
        for (int i = ops.Length - 1; i >= 0; i--)
        {
            var op = ops[i];
            keep[i] = op is not MeasureOperation m || m.Condition is not null || qubitUsedLater[m.Qubit] || clbitReadLater[m.Clbit];
            if (!keep[i])
            {
                continue;
            }
            foreach (int q in op.Qubits)
            {
                qubitUsedLater[q] = true;
            }
            foreach (int b in op.Condition?.Clbits ?? [])
            {
                clbitReadLater[b] = true;
            }
        }
        return circuit.WithOperations([.. ops.Where((_, i) => keep[i])]);
    }
}
