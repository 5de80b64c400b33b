using System.Collections.Immutable;
using Qdc.Circuits.Diagnostics;

namespace Qdc.Qasm.Binding;

/// <summary>Something a name can stand for in a program.</summary>
internal abstract record Symbol(string Name, SourceLocation Declared);

/// <summary>A qubit register, a single qubit, or an alias (<c>let</c>) of qubits.</summary>
internal sealed record QuantumSymbol(string Name, SourceLocation Declared, ImmutableArray<int> Qubits, bool IsSingle)
    : Symbol(Name, Declared);

/// <summary>
/// A classical variable. Bit registers own clbits in the circuit; other types live only at
/// compile time and hold a known value (or none yet).
/// </summary>
internal sealed record ClassicalSymbol(string Name, SourceLocation Declared, ClassicalType Type) : Symbol(Name, Declared)
{
    /// <summary>The circuit's clbits for a bit register or bit; default otherwise.</summary>
    public ImmutableArray<int> Clbits { get; init; }

    public bool IsConst { get; init; }

    public bool IsBitRegister => !Clbits.IsDefault;

    /// <summary>The compile-time value of a non-bit variable, when known.</summary>
    public Value? Value { get; set; }
}

/// <summary>A gate defined by <c>gate</c> (or declared by <c>opaque</c>, with no body).</summary>
internal sealed record GateSymbol(
    string Name,
    SourceLocation Declared,
    ImmutableArray<string> Parameters,
    ImmutableArray<string> QubitNames,
    Generated.QasmParser.ScopeContext? Body) : Symbol(Name, Declared);

/// <summary>A subroutine (<c>def</c>), inlined at each call.</summary>
internal sealed record SubroutineSymbol(string Name, SourceLocation Declared, Generated.QasmParser.DefStatementContext Definition)
    : Symbol(Name, Declared);

/// <summary>An <c>extern</c> function: declared, but never callable at compile time.</summary>
internal sealed record ExternSymbol(string Name, SourceLocation Declared) : Symbol(Name, Declared);
