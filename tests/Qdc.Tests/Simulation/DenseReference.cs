using MathNet.Numerics.LinearAlgebra;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Complex = System.Numerics.Complex;

namespace Qdc.Tests.Simulation;

/// <summary>
/// An independent simulator for the tests: every gate becomes a full 2^n × 2^n MathNet matrix,
/// built entry by entry from the textbook convention (first operand most significant in the gate
/// matrix, qubit q = bit q of the state index).
/// </summary>
internal static class DenseReference
{
    public static Matrix<Complex> FullMatrix(GateMatrix g, int[] qubits, int n)
    {
        int dim = 1 << n, k = qubits.Length;
        int mask = qubits.Aggregate(0, (m, q) => m | (1 << q));
        return Matrix<Complex>.Build.Dense(dim, dim, (row, col) =>
        {
            if ((row & ~mask) != (col & ~mask))
            {
                return Complex.Zero;
            }
            return g[GateIndex(row, qubits, k), GateIndex(col, qubits, k)];
        });
    }

    public static Vector<Complex> Apply(Vector<Complex> state, GateMatrix g, int[] qubits, int n) =>
        FullMatrix(g, qubits, n) * state;

    /// <summary>The final state of a unitary circuit (gates only), global phase included.</summary>
    public static Vector<Complex> Run(Circuit circuit, Vector<Complex>? start = null)
    {
        int n = circuit.QubitCount;
        var s = start ?? Basis(n, 0);
        foreach (var op in circuit.Operations)
        {
            if (op is GateOperation g)
            {
                s = Apply(s, g.Gate.Matrix, [.. g.Qubits], n);
            }
        }
        return s * Complex.FromPolarCoordinates(1, circuit.GlobalPhase);
    }

    public static Vector<Complex> Basis(int n, int index)
    {
        var v = Vector<Complex>.Build.Dense(1 << n);
        v[index] = Complex.One;
        return v;
    }

    public static Vector<Complex> RandomState(int n, Random rng)
    {
        var v = Vector<Complex>.Build.Dense(1 << n, _ => new Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5));
        return v / v.L2Norm();
    }

    public static double MaxDistance(Vector<Complex> expected, ReadOnlySpan<Complex> actual)
    {
        double max = 0;
        for (int i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, (expected[i] - actual[i]).Magnitude);
        }
        return max;
    }

    private static int GateIndex(int index, int[] qubits, int k)
    {
        int r = 0;
        for (int j = 0; j < k; j++)
        {
            r |= ((index >> qubits[j]) & 1) << (k - 1 - j);
        }
        return r;
    }
}
