using System.Collections.Immutable;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits.Decompositions;

/// <summary>Collects the gates of a decomposition, each with the same classical condition.</summary>
internal sealed class GateSequence(Condition? condition)
{
    private readonly ImmutableArray<GateOperation>.Builder _ops = ImmutableArray.CreateBuilder<GateOperation>();

    public Condition? Condition { get; } = condition;

    public double Phase { get; set; }

    public int Count => _ops.Count;

    public void Add(Gate gate, params int[] qubits) => _ops.Add(new GateOperation(gate, [.. qubits], Condition));

    public void Add(string name, int qubit) => Add(Gate.Create(name), qubit);

    public void Add(string name, double parameter, params int[] qubits) => Add(Gate.Create(name, parameter), qubits);

    public void Cx(int control, int target) => Add(Gate.Create("cx"), control, target);

    public void Append(Decomposition d)
    {
        _ops.AddRange(d.Operations);
        Phase += d.GlobalPhase;
    }

    public Decomposition Build() => new(_ops.ToImmutable(), Phase);
}
