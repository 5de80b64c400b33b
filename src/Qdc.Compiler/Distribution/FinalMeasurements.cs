using Qdc.Circuits;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// For validation: the equivalence check compares states just before the reference's final
/// measurements, so the distributed program must be compared before its copies of them too.
/// </summary>
public static class FinalMeasurements
{
    /// <summary>
    /// The circuit without measurements that nothing after them uses: no later operation on the
    /// qubit, no later condition on the bit. Network measurements always feed a correction, so
    /// only the source's final measurements go.
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
            if (op.Condition is { } c)
            {
                foreach (int b in c.Clbits)
                {
                    clbitReadLater[b] = true;
                }
            }
        }
        return circuit.WithOperations([.. ops.Where((_, i) => keep[i])]);
    }
}
