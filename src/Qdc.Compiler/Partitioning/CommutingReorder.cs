using Qdc.Circuits;
using Qdc.Compiler.Scheduling;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Moves chosen gates earlier (or later) in a circuit past every operation they commute with:
/// where they share a qubit, both are diagonal on it (<see cref="DiagonalOperands"/>). The result
/// is the same unitary exactly. Gates not chosen keep their order; a moved gate lands after every
/// operation it does not commute with, right after an unmoved one (the mirror image for later).
/// </summary>
internal static class CommutingReorder
{
    /// <summary>The circuit with each unconditioned gate <paramref name="early"/> selects moved as early as it commutes, then each <paramref name="late"/> selects as late (indices into the given circuit).</summary>
    public static Circuit Apply(Circuit circuit, Func<int, bool> early, Func<int, bool> late)
    {
        var diagonal = new DiagonalOperands();
        var ops = circuit.Operations;
        int[] order = [.. Enumerable.Range(0, ops.Length)];
        order = Early(ops, order, early, diagonal, circuit.QubitCount);
        // Later is earlier in the reversed circuit: commuting is symmetric.
        Array.Reverse(order);
        order = Early(ops, order, late, diagonal, circuit.QubitCount);
        Array.Reverse(order);
        return circuit.WithOperations([.. order.Select(i => ops[i])]);
    }

    // The operations in `order`, each selected one moved to just after the last unmoved operation
    // that must precede it. Moved operations land in groups after an unmoved one (or at the start),
    // in their own order; an operation's group bounds where it is emitted, so each waits for the
    // latest group among the operations it does not commute with.
    private static int[] Early(IReadOnlyList<Operation> ops, int[] order, Func<int, bool> selects, DiagonalOperands diagonal, int qubits)
    {
        // Per qubit, the latest group (-1: the start) among its operations, and among those not diagonal on it.
        var last = new int[qubits];
        var lastNonDiagonal = new int[qubits];
        Array.Fill(last, -1);
        Array.Fill(lastNonDiagonal, -1);
        // after[g + 1]: the moved operations of group g.
        var after = new List<int>?[order.Length + 1];
        var moved = new bool[order.Length];
        for (int p = 0; p < order.Length; p++)
        {
            var op = ops[order[p]];
            int mask = diagonal.Mask(op);
            int group = p;
            if (op is GateOperation { Condition: null } && selects(order[p]))
            {
                group = -1;
                for (int s = 0; s < op.Qubits.Length; s++)
                {
                    int q = op.Qubits[s];
                    group = Math.Max(group, (mask & (1 << s)) != 0 ? lastNonDiagonal[q] : last[q]);
                }
                (after[group + 1] ??= []).Add(order[p]);
                moved[p] = true;
            }
            for (int s = 0; s < op.Qubits.Length; s++)
            {
                int q = op.Qubits[s];
                last[q] = Math.Max(last[q], group);
                if ((mask & (1 << s)) == 0)
                {
                    lastNonDiagonal[q] = Math.Max(lastNonDiagonal[q], group);
                }
            }
        }
        var result = new List<int>(order.Length);
        result.AddRange(after[0] ?? []);
        for (int p = 0; p < order.Length; p++)
        {
            if (!moved[p])
            {
                result.Add(order[p]);
                result.AddRange(after[p + 1] ?? []);
            }
        }
        return [.. result];
    }
}
