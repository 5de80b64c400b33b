using System.Numerics;

namespace Qdc.Circuits.Gates;

/// <summary>
/// An immutable 2^n × 2^n unitary, row-major. The gate's first operand is the most significant bit
/// of the row and column index (the textbook convention: for <c>cx a, b</c> the index is 2·a + b),
/// so matrices read as they are written in the OpenQASM specification.
/// </summary>
public sealed class GateMatrix
{
    private readonly Complex[] _data;

    public GateMatrix(int qubits, Complex[] data)
    {
        int dim = 1 << qubits;
        if (data.Length != dim * dim)
        {
            throw new ArgumentException($"a {qubits}-qubit matrix needs {dim * dim} entries, not {data.Length}", nameof(data));
        }
        Qubits = qubits;
        _data = data;
    }

    public int Qubits { get; }

    public int Dimension => 1 << Qubits;

    public Complex this[int row, int col] => _data[(row * Dimension) + col];

    /// <summary>A copy of the entries, row-major.</summary>
    public Complex[] ToArray() => (Complex[])_data.Clone();

    /// <summary>The entries, row-major, without copying.</summary>
    public ReadOnlySpan<Complex> AsSpan() => _data;

    public bool IsDiagonal(double tolerance = 1e-12)
    {
        int d = Dimension;
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                if (r != c && _data[(r * d) + c].Magnitude > tolerance)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>
    /// Bit s is set when operand s (the index's bit n−1−s) is diagonal in the Z basis: every nonzero
    /// entry's row and column agree on that bit (cz, cp and rz on every operand; the control of a cx).
    /// Operations that share a qubit only where both are diagonal commute there.
    /// </summary>
    public int DiagonalOperandMask(double tolerance = 1e-12)
    {
        int d = Dimension;
        int mixed = 0;
        for (int r = 0; r < d; r++)
        {
            for (int c = 0; c < d; c++)
            {
                if (r != c && _data[(r * d) + c].Magnitude > tolerance)
                {
                    mixed |= r ^ c;
                }
            }
        }
        int mask = 0;
        for (int s = 0; s < Qubits; s++)
        {
            if ((mixed & (1 << (Qubits - 1 - s))) == 0)
            {
                mask |= 1 << s;
            }
        }
        return mask;
    }

    public static GateMatrix Identity(int qubits)
    {
        int d = 1 << qubits;
        var m = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            m[(i * d) + i] = Complex.One;
        }
        return new GateMatrix(qubits, m);
    }

    public static GateMatrix Diagonal(params Complex[] diagonal)
    {
        int qubits = System.Numerics.BitOperations.Log2((uint)diagonal.Length);
        int d = diagonal.Length;
        var m = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            m[(i * d) + i] = diagonal[i];
        }
        return new GateMatrix(qubits, m);
    }

    public static GateMatrix OneQubit(Complex m00, Complex m01, Complex m10, Complex m11) =>
        new(1, [m00, m01, m10, m11]);

    /// <summary>Matrix product this · other (apply <paramref name="other"/> first).</summary>
    public GateMatrix Multiply(GateMatrix other)
    {
        if (other.Qubits != Qubits)
        {
            throw new ArgumentException("matrix sizes differ", nameof(other));
        }
        int d = Dimension;
        var r = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++)
            {
                var a = _data[(i * d) + k];
                if (a == Complex.Zero)
                {
                    continue;
                }
                for (int j = 0; j < d; j++)
                {
                    r[(i * d) + j] += a * other._data[(k * d) + j];
                }
            }
        }
        return new GateMatrix(Qubits, r);
    }

    /// <summary>The conjugate transpose, which is the inverse of a unitary.</summary>
    public GateMatrix Adjoint()
    {
        int d = Dimension;
        var r = new Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                r[(j * d) + i] = Complex.Conjugate(_data[(i * d) + j]);
            }
        }
        return new GateMatrix(Qubits, r);
    }

    /// <summary>
    /// This gate with <paramref name="controls"/> extra control qubits in front (as the most
    /// significant bits): identity unless every control is 1.
    /// </summary>
    public GateMatrix Controlled(int controls)
    {
        if (controls == 0)
        {
            return this;
        }
        int n = Qubits + controls;
        int big = 1 << n;
        int d = Dimension;
        var r = new Complex[big * big];
        int offset = big - d;
        for (int i = 0; i < offset; i++)
        {
            r[(i * big) + i] = Complex.One;
        }
        for (int i = 0; i < d; i++)
        {
            for (int j = 0; j < d; j++)
            {
                r[((offset + i) * big) + offset + j] = _data[(i * d) + j];
            }
        }
        return new GateMatrix(n, r);
    }

    /// <summary>Kronecker product this ⊗ other; this gate's qubits become the more significant bits.</summary>
    public GateMatrix Tensor(GateMatrix other)
    {
        int da = Dimension, db = other.Dimension, d = da * db;
        var r = new Complex[d * d];
        for (int i = 0; i < da; i++)
        {
            for (int j = 0; j < da; j++)
            {
                var a = _data[(i * da) + j];
                for (int k = 0; k < db; k++)
                {
                    for (int l = 0; l < db; l++)
                    {
                        r[(((i * db) + k) * d) + (j * db) + l] = a * other._data[(k * db) + l];
                    }
                }
            }
        }
        return new GateMatrix(Qubits + other.Qubits, r);
    }

    public GateMatrix Scale(Complex factor)
    {
        var r = new Complex[_data.Length];
        for (int i = 0; i < r.Length; i++)
        {
            r[i] = _data[i] * factor;
        }
        return new GateMatrix(Qubits, r);
    }

    /// <summary>Entry-wise distance, optionally after removing a global phase.</summary>
    public double Distance(GateMatrix other, bool upToGlobalPhase)
    {
        if (other.Qubits != Qubits)
        {
            return double.PositiveInfinity;
        }
        var phase = Complex.One;
        if (upToGlobalPhase)
        {
            // Align on the largest entry of this matrix; a unitary always has one of magnitude ≥ 1/√d.
            int best = 0;
            for (int i = 1; i < _data.Length; i++)
            {
                if (_data[i].Magnitude > _data[best].Magnitude)
                {
                    best = i;
                }
            }
            var o = other._data[best];
            if (o.Magnitude < 1e-12)
            {
                return double.PositiveInfinity;
            }
            phase = _data[best] / o;
            phase /= phase.Magnitude;
        }
        double max = 0;
        for (int i = 0; i < _data.Length; i++)
        {
            max = Math.Max(max, (_data[i] - (phase * other._data[i])).Magnitude);
        }
        return max;
    }

    public bool ApproximatelyEquals(GateMatrix other, double tolerance = 1e-9, bool upToGlobalPhase = false) =>
        Distance(other, upToGlobalPhase) <= tolerance;
}
