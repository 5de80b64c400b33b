using System.Collections.Immutable;
using System.Globalization;

namespace Qdc.Circuits.Gates;

/// <summary>
/// A standard gate with evaluated parameters, optionally with extra leading control qubits
/// (from <c>ctrl @</c> on a gate that has no named controlled form). Immutable; equal gates
/// compare equal by value.
/// </summary>
public sealed class Gate : IEquatable<Gate>
{
    private GateMatrix? _matrix;

    public Gate(GateDefinition definition, ImmutableArray<double> parameters, int controls = 0)
    {
        if (parameters.Length != definition.ParameterCount)
        {
            throw new ArgumentException($"gate {definition.Name} takes {definition.ParameterCount} parameters, not {parameters.Length}", nameof(parameters));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(controls);
        Definition = definition;
        Parameters = parameters;
        Controls = controls;
    }

    public GateDefinition Definition { get; }

    public string Name => Definition.Name;

    public ImmutableArray<double> Parameters { get; }

    /// <summary>Extra control qubits in front of the definition's own operands.</summary>
    public int Controls { get; }

    public int QubitCount => Controls + Definition.Qubits;

    /// <summary>Diagonal for every parameter value; controls keep a diagonal gate diagonal.</summary>
    public bool IsDiagonal => Definition.IsDiagonal;

    public GateMatrix Matrix => _matrix ??= Definition.Matrix(Parameters.AsSpan()).Controlled(Controls);

    /// <summary>A standard gate by name; throws for an unknown name (the binder checks names first).</summary>
    public static Gate Create(string name, params double[] parameters) =>
        new(GateLibrary.Get(name), [.. parameters]);

    public bool Equals(Gate? other) =>
        other is not null
        && ReferenceEquals(Definition, other.Definition)
        && Controls == other.Controls
        && Parameters.AsSpan().SequenceEqual(other.Parameters.AsSpan());

    public override bool Equals(object? obj) => Equals(obj as Gate);

    public override int GetHashCode()
    {
        var h = new HashCode();
        h.Add(Definition.Name);
        h.Add(Controls);
        foreach (var p in Parameters)
        {
            h.Add(p);
        }
        return h.ToHashCode();
    }

    public override string ToString()
    {
        var prefix = Controls > 0 ? $"ctrl({Controls}) @ " : "";
        if (Parameters.IsEmpty)
        {
            return prefix + Name;
        }
        return prefix + Name + "(" + string.Join(", ", Parameters.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + ")";
    }
}
