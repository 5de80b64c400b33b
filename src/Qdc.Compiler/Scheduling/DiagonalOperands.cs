using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Which operands of an operation are diagonal in the Z basis (<see cref="GateMatrix.DiagonalOperandMask"/>),
/// cached per gate: the control side of a cat-entangle is. Two operations that share a qubit only
/// where both are diagonal commute there, which is what lets the task graph leave them unordered.
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
            mask = gate.Matrix.DiagonalOperandMask();
            _masks[gate] = mask;
        }
        return mask;
    }
}
