using System.Text;

namespace Qdc.Simulation.Stabilizer;

/// <summary>A Hermitian Pauli string with a sign, packed as a tableau row is. Immutable.</summary>
public sealed class PauliString : IEquatable<PauliString>
{
    private readonly ulong[] _x;
    private readonly ulong[] _z;

    internal PauliString(int qubits, ulong[] x, ulong[] z, bool negative)
    {
        QubitCount = qubits;
        _x = x;
        _z = z;
        Negative = negative;
    }

    public int QubitCount { get; }

    public bool Negative { get; }

    /// <summary>'I', 'X', 'Y' or 'Z' on qubit q.</summary>
    public char this[int q]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)q, (uint)QubitCount, nameof(q));
            ulong m = 1UL << (q & 63);
            bool x = (_x[q >> 6] & m) != 0, z = (_z[q >> 6] & m) != 0;
            return x ? (z ? 'Y' : 'X') : (z ? 'Z' : 'I');
        }
    }

    /// <summary>The sign and the factors that are not the identity, each named, e.g. "-X[q0] Z[q3]"; "+I" for none.</summary>
    public string Describe(Func<int, string> qubitName)
    {
        ArgumentNullException.ThrowIfNull(qubitName);
        var sb = new StringBuilder(Negative ? "-" : "+");
        int before = sb.Length;
        for (int q = 0; q < QubitCount; q++)
        {
            if (this[q] is var p && p != 'I')
            {
                sb.Append(sb.Length > before ? " " : "").Append(p).Append('[').Append(qubitName(q)).Append(']');
            }
        }
        return sb.Length > before ? sb.ToString() : sb.Append('I').ToString();
    }

    /// <summary>Sign, then one letter per qubit, qubit 0 first: "+XZI".</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(Negative ? "-" : "+");
        for (int q = 0; q < QubitCount; q++)
        {
            sb.Append(this[q]);
        }
        return sb.ToString();
    }

    public bool Equals(PauliString? other) =>
        other is not null && other.QubitCount == QubitCount && other.Negative == Negative
        && _x.AsSpan().SequenceEqual(other._x) && _z.AsSpan().SequenceEqual(other._z);

    public override bool Equals(object? obj) => Equals(obj as PauliString);

    public override int GetHashCode() => HashCode.Combine(QubitCount, Negative, _x.Length > 0 ? _x[0] : 0, _z.Length > 0 ? _z[0] : 0);

    internal ReadOnlySpan<ulong> XBits => _x;

    internal ReadOnlySpan<ulong> ZBits => _z;
}
