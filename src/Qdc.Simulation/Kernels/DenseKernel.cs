using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A dense k-qubit matrix (k ≥ 2): two-qubit gates, fused blocks and 3–5 qubit gates. A vector
/// holds the four amplitudes of one value of the other qubits (<see cref="IQuad{T}"/>), so gate
/// qubits 0 and 1 live inside it: per base the kernel loads the 2^h vectors of the gate's h
/// qubits above 1, makes the lane-permuted copies those low gate qubits need, and sums
/// per-lane matrix vectors times them. Each output keeps two sums, P = Σ re(m)·x and
/// Q = Σ im(m)·x, combined once as P + i·Q: no shuffle inside the sums, and four output vectors
/// at a time keep both FMA pipes busy. The scalar twin does the same multiply-adds in the same
/// order, so every path gives the same bits.
/// </summary>
internal sealed unsafe class DenseKernel
{
    /// <summary>The AVX-512 path; off only to test the AVX2 one.</summary>
    internal static bool UseAvx512 { get; set; } = Avx512F.IsSupported;

    private const int Rows = 4;

    private readonly int[] _gateSorted;
    private readonly int[] _vectorSorted;
    private readonly int _vectors;
    private readonly int _terms;
    private readonly long[] _vectorOffsets;
    private readonly int[] _xors;
    private readonly double[] _re, _im;
    private readonly long[] _offsets;
    private readonly Complex[] _matrix;
    private readonly int[] _order;

    /// <param name="qubits">operand order: local bit k is qubit qubits[k]</param>
    /// <param name="matrix">row-major over local indices</param>
    public DenseKernel(int[] qubits, Complex[] matrix)
    {
        int k = qubits.Length, d = 1 << k;
        _matrix = matrix;
        _offsets = Bits.Offsets(qubits);
        _gateSorted = [.. qubits.Order()];
        _vectorSorted = [.. qubits.Where(q => q >= 2).Append(0).Append(1).Order()];
        var high = Enumerable.Range(0, k).Where(b => qubits[b] >= 2).ToArray();
        int laneMask = (qubits.Contains(0) ? 1 : 0) | (qubits.Contains(1) ? 2 : 0);
        _xors = [.. Enumerable.Range(0, 4).Where(t => (t & ~laneMask) == 0)];
        _vectors = 1 << high.Length;
        _terms = _vectors * _xors.Length;
        _vectorOffsets = [.. Enumerable.Range(0, _vectors).Select(j => Spread(j, high, b => 1L << qubits[b]))];
        int lowLocal(int lane)
        {
            int l = 0;
            for (int b = 0; b < k; b++)
            {
                if (qubits[b] < 2)
                {
                    l |= ((lane >> qubits[b]) & 1) << b;
                }
            }
            return l;
        }
        int highLocal(int j) => (int)Spread(j, high, b => 1L << b);
        _re = new double[_vectors * _terms * 8];
        _im = new double[_vectors * _terms * 8];
        for (int i = 0; i < _vectors; i++)
        {
            for (int j = 0; j < _vectors; j++)
            {
                for (int t = 0; t < _xors.Length; t++)
                {
                    int e = ((i * _terms) + (j * _xors.Length) + t) * 8;
                    for (int lane = 0; lane < 4; lane++)
                    {
                        var m = matrix[((highLocal(i) | lowLocal(lane)) * d) + (highLocal(j) | lowLocal(lane ^ _xors[t]))];
                        _re[e + (2 * lane)] = _re[e + (2 * lane) + 1] = m.Real;
                        _im[e + (2 * lane)] = _im[e + (2 * lane) + 1] = m.Imaginary;
                    }
                }
            }
        }
        // The scalar twin's column order for each row: the vector path's (j, t) order.
        int lowMask = lowLocal(3);
        _order = new int[d * d];
        for (int r = 0; r < d; r++)
        {
            for (int j = 0; j < _vectors; j++)
            {
                for (int t = 0; t < _xors.Length; t++)
                {
                    _order[(r * d) + (j * _xors.Length) + t] = highLocal(j) | ((r & lowMask) ^ lowLocal(_xors[t]));
                }
            }
        }
    }

    public void Run(StateVector state)
    {
        if (!ComplexOps.UseAvx)
        {
            Sweep.Runs(state, _gateSorted, new ScalarRun(this));
        }
        else if (UseAvx512)
        {
            Sweep.Runs(state, _vectorSorted, new VectorRun<Quad512, System.Runtime.Intrinsics.Vector512<double>>(this));
        }
        else
        {
            Sweep.Runs(state, _vectorSorted, new VectorRun<Quad256, Quad256.Pair>(this));
        }
    }

    private static long Spread(int j, int[] bits, Func<int, long> value)
    {
        long s = 0;
        for (int m = 0; m < bits.Length; m++)
        {
            if ((j >> m & 1) != 0)
            {
                s |= value(bits[m]);
            }
        }
        return s;
    }

    private void ApplyVectors<TQ, TV>(double* amplitudes, long b, long count, long mask)
        where TQ : struct, IQuad<TV>
        where TV : unmanaged
    {
        int vectors = _vectors, terms = _terms, xorCount = _xors.Length;
        var buf = stackalloc TV[terms];
        fixed (double* re = _re, im = _im)
        fixed (long* off = _vectorOffsets)
        fixed (int* xors = _xors)
        {
            for (long n = 0; n < count; n++)
            {
                double* p = amplitudes + (2 * b);
                for (int j = 0; j < vectors; j++)
                {
                    var x = TQ.Load(p + (2 * off[j]));
                    for (int t = 0; t < xorCount; t++)
                    {
                        buf[(j * xorCount) + t] = TQ.Xor(x, xors[t]);
                    }
                }
                int i = 0;
                for (; i + Rows <= vectors; i += Rows)
                {
                    double* r0 = re + (i * terms * 8), m0 = im + (i * terms * 8);
                    double* r1 = r0 + (terms * 8), m1 = m0 + (terms * 8);
                    double* r2 = r1 + (terms * 8), m2 = m1 + (terms * 8);
                    double* r3 = r2 + (terms * 8), m3 = m2 + (terms * 8);
                    TV p0 = default, p1 = default, p2 = default, p3 = default;
                    TV q0 = default, q1 = default, q2 = default, q3 = default;
                    for (int c = 0; c < terms; c++)
                    {
                        var v = buf[c];
                        int e = c * 8;
                        p0 = TQ.MulAdd(TQ.Load(r0 + e), v, p0);
                        q0 = TQ.MulAdd(TQ.Load(m0 + e), v, q0);
                        p1 = TQ.MulAdd(TQ.Load(r1 + e), v, p1);
                        q1 = TQ.MulAdd(TQ.Load(m1 + e), v, q1);
                        p2 = TQ.MulAdd(TQ.Load(r2 + e), v, p2);
                        q2 = TQ.MulAdd(TQ.Load(m2 + e), v, q2);
                        p3 = TQ.MulAdd(TQ.Load(r3 + e), v, p3);
                        q3 = TQ.MulAdd(TQ.Load(m3 + e), v, q3);
                    }
                    TQ.Store(TQ.Combine(p0, q0), p + (2 * off[i]));
                    TQ.Store(TQ.Combine(p1, q1), p + (2 * off[i + 1]));
                    TQ.Store(TQ.Combine(p2, q2), p + (2 * off[i + 2]));
                    TQ.Store(TQ.Combine(p3, q3), p + (2 * off[i + 3]));
                }
                for (; i < vectors; i++)
                {
                    double* r0 = re + (i * terms * 8), m0 = im + (i * terms * 8);
                    TV p0 = default, q0 = default;
                    for (int c = 0; c < terms; c++)
                    {
                        p0 = TQ.MulAdd(TQ.Load(r0 + (c * 8)), buf[c], p0);
                        q0 = TQ.MulAdd(TQ.Load(m0 + (c * 8)), buf[c], q0);
                    }
                    TQ.Store(TQ.Combine(p0, q0), p + (2 * off[i]));
                }
                b = Sweep.Next(b, mask);
            }
        }
    }

    private void ApplyScalar(double* amplitudes, long b, long count, long mask)
    {
        int d = _offsets.Length;
        var v = stackalloc double[2 * d];
        for (long n = 0; n < count; n++)
        {
            double* p = amplitudes + (2 * b);
            for (int c = 0; c < d; c++)
            {
                v[2 * c] = p[2 * _offsets[c]];
                v[(2 * c) + 1] = p[(2 * _offsets[c]) + 1];
            }
            for (int r = 0; r < d; r++)
            {
                double pr = 0, pi = 0, qr = 0, qi = 0;
                for (int i = 0; i < d; i++)
                {
                    int c = _order[(r * d) + i];
                    var m = _matrix[(r * d) + c];
                    pr = Math.FusedMultiplyAdd(m.Real, v[2 * c], pr);
                    pi = Math.FusedMultiplyAdd(m.Real, v[(2 * c) + 1], pi);
                    qr = Math.FusedMultiplyAdd(m.Imaginary, v[2 * c], qr);
                    qi = Math.FusedMultiplyAdd(m.Imaginary, v[(2 * c) + 1], qi);
                }
                p[2 * _offsets[r]] = pr - qi;
                p[(2 * _offsets[r]) + 1] = pi + qr;
            }
            b = Sweep.Next(b, mask);
        }
    }

    private readonly struct VectorRun<TQ, TV>(DenseKernel kernel) : IRunKernel
        where TQ : struct, IQuad<TV>
        where TV : unmanaged
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyVectors<TQ, TV>(amplitudes, firstBase, count, mask);
    }

    private readonly struct ScalarRun(DenseKernel kernel) : IRunKernel
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyScalar(amplitudes, firstBase, count, mask);
    }
}
