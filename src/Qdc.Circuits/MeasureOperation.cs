namespace Qdc.Circuits;

/// <summary>Measures one qubit in the computational basis into one clbit.</summary>
public sealed class MeasureOperation(int qubit, int clbit, Condition? condition = null) : Operation([qubit], condition)
{
    public override OperationKind Kind => OperationKind.Measure;

    public int Qubit => Qubits[0];

    public int Clbit { get; } = clbit;

    public override bool Equals(Operation? other) =>
        base.Equals(other) && other is MeasureOperation m && m.Clbit == Clbit;

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Clbit);

    public override string ToString() => $"measure {Qubit} -> {Clbit}";
}
