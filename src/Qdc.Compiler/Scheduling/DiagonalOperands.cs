using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Which operands of an operation are diagonal in the Z basis: the gate's matrix never mixes basis
/// states that differ in that operand's bit (cz, cp and rz on every operand; the control of a cx,
/// so the control side of a cat-entangle too). Two operations that share a qubit only where both
/// are diagonal commute there, which is what lets the task graph leave them unordered.
/// Measurements, resets and barriers are never diagonal here: they keep their place.
/// </summary>
internal sealed class DiagonalOperands
{
    // Bigger gates are rare and their matrices large: treat them as ordering everything.
    private const int MaxQubits = 4;

    private readonly Dictionary<Gate, int> _masks = [];

    /// <summary>Bit s is set when operand s of the operation is diagonal.</summary>
    public int Mask(Operation op)
    {
        if (op is not GateOperation { Gate: var gate } || gate.QubitCount > MaxQubits)
        {
            return 0;
        }
        if (!_masks.TryGetValue(gate, out int mask))
        {
            mask = Compute(gate.Matrix);
            _masks[gate] = mask;
        }
        return mask;
    }

    /// <summary>Operand s (the matrix's bit n−1−s) is diagonal when every nonzero entry's row and column agree on that bit.</summary>
    internal static int Compute(GateMatrix matrix)
    {
        int n = matrix.Qubits;
        int d = matrix.Dimension;
        int mixed = 0;
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                if (r != c && matrix[r, c].Magnitude > 1e-12)
                {
                    mixed |= r ^ c;
                }
            }
        }
        int mask = 0;
        for (int s = 0; s < n; s++)
        {
            if ((mixed & (1 << (n - 1 - s))) == 0)
            {
                mask |= 1 << s;
            }
        }
        return mask;
    }
}
