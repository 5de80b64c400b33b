using System.Collections.Immutable;

namespace Qdc.Circuits;

/// <summary>
/// One step of a circuit. Immutable. Qubits and clbits are flat indices into the circuit's
/// qubit and clbit lists.
/// </summary>
public abstract class Operation : IEquatable<Operation>
{
    protected Operation(ImmutableArray<int> qubits, Condition? condition)
    {
        Qubits = qubits.IsDefault ? [] : qubits;
        Condition = condition;
    }

    public abstract OperationKind Kind { get; }

    public ImmutableArray<int> Qubits { get; }

    /// <summary>The classical condition, or null when the operation always runs.</summary>
    public Condition? Condition { get; }

    public virtual bool Equals(Operation? other) =>
        other is not null
        && other.Kind == Kind
        && Qubits.AsSpan().SequenceEqual(other.Qubits.AsSpan())
        && Equals(Condition, other.Condition);

    public override bool Equals(object? obj) => Equals(obj as Operation);

    public override int GetHashCode() => HashCode.Combine(Kind, Qubits.Length > 0 ? Qubits[0] : -1, Qubits.Length);
}
