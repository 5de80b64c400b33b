using Qdc.Circuits;

namespace Qdc.Simulation;

/// <summary>Measurements at the end of a circuit, which equivalence checks compare the state before.</summary>
public static class TerminalMeasurements
{
    /// <summary>
    /// The circuit without measurements that nothing after them uses: no later operation on the
    /// qubit, no later condition on the bit.
    /// </summary>
    public static Circuit Strip(Circuit circuit) => Strip(circuit, null);

    /// <summary>
    /// Both circuits stripped alike: a bit that either circuit measures before its end keeps every
    /// measurement into it in both, so neither compares a collapsed state against an uncollapsed
    /// one. (A source that measures a qubit, applies h, h and measures it again measures
    /// mid-circuit; the compiled program, with the pair cancelled, measures twice at the end.)
    /// The candidate's bit i is the reference's bit i.
    /// </summary>
    public static (Circuit Reference, Circuit Candidate) StripMatching(Circuit reference, Circuit candidate)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(candidate);
        var kept = new HashSet<int>();
        while (true)
        {
            var (r, c) = (Strip(reference, kept), Strip(candidate, kept));
            int before = kept.Count;
            // Keeping a measurement can keep an earlier one on its qubit, into another bit: until no bit is added.
            foreach (var m in r.Operations.Concat(c.Operations).OfType<MeasureOperation>())
            {
                if (m.Clbit < reference.ClbitCount)
                {
                    kept.Add(m.Clbit);
                }
            }
            if (kept.Count == before)
            {
                return (r, c);
            }
        }
    }

    // keepBits: bits every measurement into which stays, whatever follows it.
    private static Circuit Strip(Circuit circuit, HashSet<int>? keepBits)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        var ops = circuit.Operations;
        var qubitUsedLater = new bool[circuit.QubitCount];
        var clbitReadLater = new bool[circuit.ClbitCount];
        var keep = new bool[ops.Length];
        for (int i = ops.Length - 1; i >= 0; i--)
        {
            var op = ops[i];
            keep[i] = op is not MeasureOperation m || m.Condition is not null || qubitUsedLater[m.Qubit] || clbitReadLater[m.Clbit]
                || (keepBits is not null && keepBits.Contains(m.Clbit));
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
