namespace Qdc.Circuits.Gates;

/// <summary>Which include file (or builtin set) makes a standard gate visible to a program.</summary>
[Flags]
public enum GateLibraries
{
    None = 0,

    /// <summary>OpenQASM 2 builtins <c>U</c> and <c>CX</c>.</summary>
    Qasm2Builtin = 1,

    /// <summary>The 23 gates of the OpenQASM 2.0 specification's qelib1.inc.</summary>
    SpecQelib1 = 2,

    /// <summary>The 42 gates of Qiskit's qelib1.inc, a superset of the spec's.</summary>
    QiskitQelib1 = 4,

    /// <summary>OpenQASM 3 builtins <c>U</c> and <c>gphase</c>.</summary>
    Qasm3Builtin = 8,

    /// <summary>OpenQASM 3's stdgates.inc.</summary>
    StdGates = 16,
}
