using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Compiler.Distribution;

internal static class OperationRemapper
{
    /// <summary>The same operation on qubits map[q]; clbits and condition unchanged.</summary>
    public static Operation Remap(Operation op, int[] map)
    {
        ImmutableArray<int> qubits = [.. op.Qubits.Select(q => map[q])];
        return op switch
        {
            GateOperation g => new GateOperation(g.Gate, qubits, g.Condition),
            MeasureOperation m => new MeasureOperation(qubits[0], m.Clbit, m.Condition),
            ResetOperation r => new ResetOperation(qubits[0], r.Condition),
            BarrierOperation => new BarrierOperation(qubits),
            _ => throw new NotSupportedException($"cannot lower operation kind {op.Kind}"),
        };
    }
}
