namespace Qdc.Circuits.Gates;

/// <summary>
/// A standard gate: its name, arity, parameter count and matrix. <see cref="Inverse"/> names the
/// standard gate (and parameters) that undoes it, so <c>inv @</c> stays within the library.
/// </summary>
public sealed class GateDefinition
{
    private readonly Func<ReadOnlySpan<double>, GateMatrix> _matrix;
    private readonly GateMatrix? _constant;
    private readonly Func<ReadOnlySpan<double>, double>? _qasm3Phase;

    internal GateDefinition(
        string name,
        int qubits,
        string[] parameterNames,
        Func<ReadOnlySpan<double>, GateMatrix> matrix,
        Func<double[], (string Name, double[] Parameters)> inverse,
        GateLibraries libraries,
        bool isDiagonal,
        Func<ReadOnlySpan<double>, double>? qasm3Phase = null)
    {
        _qasm3Phase = qasm3Phase;
        Name = name;
        Qubits = qubits;
        ParameterNames = parameterNames;
        _matrix = matrix;
        Inverse = inverse;
        Libraries = libraries;
        IsDiagonal = isDiagonal;
        if (parameterNames.Length == 0)
        {
            _constant = matrix([]);
        }
    }

    public string Name { get; }

    public int Qubits { get; }

    public IReadOnlyList<string> ParameterNames { get; }

    public int ParameterCount => ParameterNames.Count;

    /// <summary>True when the matrix is diagonal for every parameter value (cz, cp, rz, rzz, …).</summary>
    public bool IsDiagonal { get; }

    public GateLibraries Libraries { get; }

    /// <summary>The standard gate and parameters equal to this gate's inverse.</summary>
    public Func<double[], (string Name, double[] Parameters)> Inverse { get; }

    public GateMatrix Matrix(ReadOnlySpan<double> parameters)
    {
        if (parameters.Length != ParameterCount)
        {
            throw new ArgumentException($"gate {Name} takes {ParameterCount} parameters, not {parameters.Length}", nameof(parameters));
        }
        return _constant ?? _matrix(parameters);
    }

    /// <summary>
    /// The global phase stdgates.inc's definition carries on top of <see cref="Matrix"/>:
    /// −(φ+λ)/2 for u2 and u3 (they use gphase there), 0 for every other gate. Invisible alone, it
    /// becomes a relative phase under <c>ctrl @</c> in an OpenQASM 3 program, so the binder adds it then.
    /// </summary>
    public double Qasm3GlobalPhase(ReadOnlySpan<double> parameters) =>
        _qasm3Phase is null ? 0 : _qasm3Phase(parameters);

    public override string ToString() => Name;
}
