using Antlr4.Runtime;

namespace Qdc.Qasm.Syntax;

internal enum FlatKind
{
    Include,
    QuantumRegister,
    ClassicalRegister,
    Gate,
    Measure,
    Reset,
    Barrier,
}

/// <summary>An operand of a flat statement: a register, or one element of it (Index ≥ 0).</summary>
internal readonly record struct FlatOperand(string Name, int Index)
{
    public bool IsIndexed => Index >= 0;
}

/// <summary>One statement the fast path read: what it is, its name, and its numbers and operands.</summary>
internal sealed record FlatStatement(
    FlatKind Kind,
    CommonToken Name,
    CommonToken? File = null,
    long Size = 0,
    bool IsSingle = false,
    double[]? Parameters = null,
    FlatOperand[]? Operands = null);
