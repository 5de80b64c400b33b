using System.Collections.Immutable;
using System.Globalization;

namespace Qdc.Circuits;

/// <summary>
/// The IR: flat qubits and clbits (register names kept for output) and an ordered list of
/// operations. Immutable; build one with <see cref="CircuitBuilder"/>.
/// </summary>
public sealed class Circuit
{
    public Circuit(
        ImmutableArray<Register> quantumRegisters,
        ImmutableArray<Register> classicalRegisters,
        ImmutableArray<Operation> operations,
        double globalPhase = 0)
    {
        QuantumRegisters = quantumRegisters;
        ClassicalRegisters = classicalRegisters;
        Operations = operations;
        GlobalPhase = globalPhase;
        QubitCount = quantumRegisters.Sum(r => r.Size);
        ClbitCount = classicalRegisters.Sum(r => r.Size);
    }

    public ImmutableArray<Register> QuantumRegisters { get; }

    public ImmutableArray<Register> ClassicalRegisters { get; }

    public ImmutableArray<Operation> Operations { get; }

    /// <summary>The phase from <c>gphase</c> and from definitions that carry one; never observable alone.</summary>
    public double GlobalPhase { get; }

    public int QubitCount { get; }

    public int ClbitCount { get; }

    public string QubitName(int qubit) => BitName(QuantumRegisters, qubit);

    public string ClbitName(int clbit) => BitName(ClassicalRegisters, clbit);

    /// <summary>A copy of this circuit with other operations, same registers.</summary>
    public Circuit WithOperations(ImmutableArray<Operation> operations, double? globalPhase = null) =>
        new(QuantumRegisters, ClassicalRegisters, operations, globalPhase ?? GlobalPhase);

    private static string BitName(ImmutableArray<Register> registers, int index)
    {
        foreach (var r in registers)
        {
            if (r.Contains(index))
            {
                return string.Create(CultureInfo.InvariantCulture, $"{r.Name}[{index - r.Start}]");
            }
        }
        throw new ArgumentOutOfRangeException(nameof(index), index, "no such bit");
    }
}
