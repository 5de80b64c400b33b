namespace Qdc.Circuits;

/// <summary>Resets one qubit to |0⟩.</summary>
public sealed class ResetOperation(int qubit, Condition? condition = null) : Operation([qubit], condition)
{
    public override OperationKind Kind => OperationKind.Reset;

    public int Qubit => Qubits[0];

    public override string ToString() => $"reset {Qubit}";
}
