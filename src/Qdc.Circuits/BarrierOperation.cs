using System.Collections.Immutable;

namespace Qdc.Circuits;

/// <summary>An ordering fence on its qubits; it does nothing to the state.</summary>
public sealed class BarrierOperation(ImmutableArray<int> qubits) : Operation(qubits, null)
{
    public override OperationKind Kind => OperationKind.Barrier;

    public override string ToString() => $"barrier {string.Join(", ", Qubits)}";
}
