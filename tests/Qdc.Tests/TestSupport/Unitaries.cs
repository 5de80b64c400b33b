using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Qdc.Circuits;
using Qdc.Circuits.Gates;

namespace Qdc.Tests.TestSupport;

/// <summary>
/// Dense unitaries built with MathNet, independent of GateMatrix's own arithmetic. Two index
/// conventions meet here: a gate's local matrix has its first operand at the most significant
/// bit, while a circuit's state index has qubit q at bit q.
/// </summary>
public static class Unitaries
{
    public static Matrix<Complex> FromGate(GateMatrix m)
    {
        int d = m.Dimension;
        return Matrix<Complex>.Build.Dense(d, d, (r, c) => m[r, c]);
    }

    public static Matrix<Complex> Identity(int qubits) => Matrix<Complex>.Build.DenseIdentity(1 << qubits);

    /// <summary>The spec's U(θ, φ, λ), written out again so tests do not lean on GateLibrary.</summary>
    public static Matrix<Complex> U(double theta, double phi, double lambda)
    {
        double c = Math.Cos(theta / 2), s = Math.Sin(theta / 2);
        return Matrix<Complex>.Build.DenseOfArray(new Complex[,]
        {
            { c, -Complex.Exp(Complex.ImaginaryOne * lambda) * s },
            { Complex.Exp(Complex.ImaginaryOne * phi) * s, Complex.Exp(Complex.ImaginaryOne * (phi + lambda)) * c },
        });
    }

    public static Matrix<Complex> Cx() => Controlled(U(Math.PI, 0, Math.PI), 1);

    /// <summary>Adds control qubits in front (most significant) of a local matrix.</summary>
    public static Matrix<Complex> Controlled(Matrix<Complex> m, int controls)
    {
        int d = m.RowCount, big = d << controls, offset = big - d;
        var r = Matrix<Complex>.Build.DenseIdentity(big);
        r.SetSubMatrix(offset, offset, m);
        return r;
    }

    /// <summary>
    /// Places a local matrix (operand k at local bit m−1−k) on global bits
    /// <paramref name="bits"/>[k] of an n-bit index.
    /// </summary>
    public static Matrix<Complex> Embed(Matrix<Complex> local, IReadOnlyList<int> bits, int n)
    {
        int m = bits.Count, dim = 1 << n, ld = 1 << m;
        var r = Matrix<Complex>.Build.Dense(dim, dim);
        for (int col = 0; col < dim; col++)
        {
            int lc = 0, rest = col;
            for (int k = 0; k < m; k++)
            {
                int bit = (col >> bits[k]) & 1;
                lc |= bit << (m - 1 - k);
                rest &= ~(1 << bits[k]);
            }
            for (int lr = 0; lr < ld; lr++)
            {
                var v = local[lr, lc];
                if (v == Complex.Zero)
                {
                    continue;
                }
                int row = rest;
                for (int k = 0; k < m; k++)
                {
                    row |= ((lr >> (m - 1 - k)) & 1) << bits[k];
                }
                r[row, col] = v;
            }
        }
        return r;
    }

    /// <summary>The gate's operands as global bits when the whole thing is a gate's local space (operand 0 = MSB).</summary>
    public static int[] MsbBits(IEnumerable<int> operands, int n) => [.. operands.Select(q => n - 1 - q)];

    /// <summary>The unitary of a circuit of gates and barriers, global phase included; qubit q is bit q.</summary>
    public static Matrix<Complex> Of(Circuit circuit)
    {
        int n = circuit.QubitCount, dim = 1 << n;
        // Columns of the unitary, updated gate by gate: far cheaper than a dense product per gate.
        var cols = new Complex[dim][];
        for (int c = 0; c < dim; c++)
        {
            cols[c] = new Complex[dim];
            cols[c][c] = Complex.FromPolarCoordinates(1, circuit.GlobalPhase);
        }
        foreach (var op in circuit.Operations)
        {
            switch (op)
            {
                case GateOperation g:
                    foreach (var col in cols)
                    {
                        Apply(g.Gate.Matrix, g.Qubits, col);
                    }
                    break;
                case BarrierOperation:
                    break;
                default:
                    throw new ArgumentException($"no unitary for {op}", nameof(circuit));
            }
        }
        return Matrix<Complex>.Build.Dense(dim, dim, (r, c) => cols[c][r]);
    }

    // Applies a local gate (operand k at local bit m−1−k) to a state vector whose bit q is qubit q.
    private static void Apply(GateMatrix m, IReadOnlyList<int> qubits, Complex[] state)
    {
        int k = qubits.Count, ld = 1 << k, mask = 0;
        var offsets = new int[ld];
        for (int l = 0; l < ld; l++)
        {
            for (int j = 0; j < k; j++)
            {
                offsets[l] |= ((l >> (k - 1 - j)) & 1) << qubits[j];
            }
        }
        foreach (var q in qubits)
        {
            mask |= 1 << q;
        }
        var inAmp = new Complex[ld];
        for (int i = 0; i < state.Length; i++)
        {
            if ((i & mask) != 0)
            {
                continue;
            }
            for (int l = 0; l < ld; l++)
            {
                inAmp[l] = state[i | offsets[l]];
            }
            for (int r = 0; r < ld; r++)
            {
                var sum = Complex.Zero;
                for (int c = 0; c < ld; c++)
                {
                    sum += m[r, c] * inAmp[c];
                }
                state[i | offsets[r]] = sum;
            }
        }
    }

    public static double Distance(Matrix<Complex> a, Matrix<Complex> b, bool upToGlobalPhase = false)
    {
        var phase = Complex.One;
        if (upToGlobalPhase)
        {
            // Align on the largest entry of a; a unitary always has one of magnitude ≥ 1/√d.
            int br = 0, bc = 0;
            for (int r = 0; r < a.RowCount; r++)
            {
                for (int c = 0; c < a.ColumnCount; c++)
                {
                    if (a[r, c].Magnitude > a[br, bc].Magnitude)
                    {
                        (br, bc) = (r, c);
                    }
                }
            }
            if (b[br, bc].Magnitude < 1e-12)
            {
                return double.PositiveInfinity;
            }
            phase = a[br, bc] / b[br, bc];
            phase /= phase.Magnitude;
        }
        return (a - (b * phase)).Enumerate().Max(z => z.Magnitude);
    }

    public static void AssertEqual(Matrix<Complex> expected, Matrix<Complex> actual, bool upToGlobalPhase = false, double tolerance = 1e-9, string? what = null)
    {
        double d = Distance(expected, actual, upToGlobalPhase);
        Assert.True(d <= tolerance, $"{what ?? "matrices"} differ by {d}{(upToGlobalPhase ? " (up to global phase)" : "")}\nexpected:\n{expected}\nactual:\n{actual}");
    }
}
