using System.Collections.Immutable;
using Qdc.Circuits.Gates;

namespace Qdc.Circuits;

/// <summary>Mutable builder for a <see cref="Circuit"/>; checks indices as operations are added.</summary>
public sealed class CircuitBuilder
{
    private readonly ImmutableArray<Register>.Builder _qregs = ImmutableArray.CreateBuilder<Register>();
    private readonly ImmutableArray<Register>.Builder _cregs = ImmutableArray.CreateBuilder<Register>();
    private readonly ImmutableArray<Operation>.Builder _ops = ImmutableArray.CreateBuilder<Operation>();

    public int QubitCount { get; private set; }

    public int ClbitCount { get; private set; }

    public double GlobalPhase { get; set; }

    public int OperationCount => _ops.Count;

    public Register AddQuantumRegister(string name, int size)
    {
        var r = new Register(name, size, QubitCount);
        _qregs.Add(r);
        QubitCount += size;
        return r;
    }

    public Register AddClassicalRegister(string name, int size)
    {
        var r = new Register(name, size, ClbitCount);
        _cregs.Add(r);
        ClbitCount += size;
        return r;
    }

    public CircuitBuilder Add(Operation op)
    {
        foreach (var q in op.Qubits)
        {
            if ((uint)q >= (uint)QubitCount)
            {
                throw new ArgumentOutOfRangeException(nameof(op), q, "qubit index out of range");
            }
        }
        if (op is MeasureOperation m && (uint)m.Clbit >= (uint)ClbitCount)
        {
            throw new ArgumentOutOfRangeException(nameof(op), m.Clbit, "clbit index out of range");
        }
        _ops.Add(op);
        return this;
    }

    /// <summary>Adds a standard gate by name, e.g. <c>Gate("cx", 0, 1)</c> or <c>Gate("rz", [0.5], 2)</c>.</summary>
    public CircuitBuilder Gate(string name, params int[] qubits) => Add(new GateOperation(Gates.Gate.Create(name), [.. qubits]));

    public CircuitBuilder Gate(string name, double[] parameters, params int[] qubits) =>
        Add(new GateOperation(Gates.Gate.Create(name, parameters), [.. qubits]));

    public CircuitBuilder Measure(int qubit, int clbit) => Add(new MeasureOperation(qubit, clbit));

    public CircuitBuilder Reset(int qubit) => Add(new ResetOperation(qubit));

    public CircuitBuilder Barrier(params int[] qubits) => Add(new BarrierOperation([.. qubits]));

    public Circuit Build() => new(_qregs.ToImmutable(), _cregs.ToImmutable(), _ops.ToImmutable(), GlobalPhase);
}
