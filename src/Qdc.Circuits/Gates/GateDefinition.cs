namespace Qdc.Circuits.Gates;

/// <summary>
/// A standard gate: its name, arity, parameter count and matrix. <see cref="Inverse"/> names the
/// standard gate (and parameters) that undoes it, so <c>inv @</c> stays within the library.
/// </summary>
public sealed class GateDefinition
{
    private readonly Func<ReadOnlySpan<double>, GateMatrix> _matrix;
    private readonly GateMatrix? _constant;

    internal GateDefinition(
        string name,
        int qubits,
        string[] parameterNames,
        Func<ReadOnlySpan<double>, GateMatrix> matrix,
        Func<double[], (string Name, double[] Parameters)> inverse,
        GateLibraries libraries,
        bool isDiagonal)
    {
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

    public override string ToString() => Name;
}
