using System.Collections.Immutable;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits;

/// <summary>A gate applied to qubits; <c>Qubits[0]</c> is the gate's first operand.</summary>
public sealed class GateOperation : Operation
{
    public GateOperation(Gate gate, ImmutableArray<int> qubits, Condition? condition = null)
        : base(qubits, condition)
    {
        if (qubits.Length != gate.QubitCount)
        {
            throw new ArgumentException($"gate {gate} acts on {gate.QubitCount} qubits, not {qubits.Length}", nameof(qubits));
        }
        Gate = gate;
    }

    public override OperationKind Kind => OperationKind.Gate;

    public Gate Gate { get; }

    public override bool Equals(Operation? other) =>
        base.Equals(other) && other is GateOperation g && g.Gate.Equals(Gate);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Gate);

    public override string ToString() => $"{Gate} {string.Join(", ", Qubits)}";
}
