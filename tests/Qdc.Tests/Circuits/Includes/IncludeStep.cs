namespace Qdc.Tests.Circuits.Includes;

/// <summary>One statement of a gate body in an include file, as data.</summary>
public abstract record IncludeStep;

/// <summary>The builtin <c>U(θ, φ, λ) q</c>.</summary>
public sealed record UStep(double Theta, double Phi, double Lambda, int Qubit) : IncludeStep;

/// <summary>The builtin <c>CX c, t</c>.</summary>
public sealed record CxStep(int Control, int Target) : IncludeStep;

/// <summary>A call of a gate defined earlier in the same file.</summary>
public sealed record CallStep(string Name, double[] Parameters, int[] Qubits) : IncludeStep;

/// <summary>OpenQASM 3's <c>gphase(γ)</c>, on no qubit.</summary>
public sealed record GPhaseStep(double Gamma) : IncludeStep;

/// <summary><c>ctrl @ inner</c>: the control comes first, then the inner statement's qubits.</summary>
public sealed record CtrlStep(int Control, IncludeStep Inner) : IncludeStep;

/// <summary><c>pow(k) @ inner</c>, the principal power.</summary>
public sealed record PowStep(double Exponent, IncludeStep Inner) : IncludeStep;

/// <summary><c>inv @ inner</c>.</summary>
public sealed record InvStep(IncludeStep Inner) : IncludeStep;

/// <summary>A gate definition: name, arity, parameter count and body.</summary>
public sealed record IncludeGate(string Name, int Qubits, int ParameterCount, Func<double[], IncludeStep[]> Body);
