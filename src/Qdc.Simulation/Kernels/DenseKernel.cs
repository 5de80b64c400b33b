using System.Numerics;
using System.Runtime.Intrinsics;
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
internal sealed unsafe partial class DenseKernel
{
    /// <summary>The AVX-512 path; off only to test the AVX2 one.</summary>
    internal static bool UseAvx512 { get; set; } = Avx512F.IsSupported;

    /// <summary>Two-qubit blocks on the AVX2 kernels even where AVX-512 is on (the faster there); the benchmark's A/B switch.</summary>
    internal static bool TwoQubitsOnAvx2 { get; set; } = true;

    private const int Rows = 4;

    /// <summary>
    /// From this many terms (5-qubit blocks) the matrix vectors (128 KiB) leave L1: AVX2 then takes
    /// four bases per matrix load. Measured: 7.0 against 10.8 ns per amplitude at k = 5, but
    /// 4.0–6.0 against 3.8–3.9 at k = 4, where the matrix still fits. A block on qubits 0 and 1
    /// alone has one row, which the two-row form cannot take.
    /// </summary>
    private const int WideTerms = 32;

    private readonly int[] _gateSorted;
    private readonly int[] _vectorSorted;
    private readonly int _vectors;
    private readonly int _terms;
    private readonly long[] _vectorOffsets;
    private readonly int[] _xors;
    // Matrix vectors on 64-byte boundaries (pinned arrays, offsets _reAt/_imAt) so that no load splits a cache line.
    private readonly double[] _re, _im;
    private readonly int _reAt, _imAt;
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
        (_re, _reAt) = Aligned(_vectors * _terms * 8);
        (_im, _imAt) = Aligned(_vectors * _terms * 8);
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
                        _re[_reAt + e + (2 * lane)] = _re[_reAt + e + (2 * lane) + 1] = m.Real;
                        _im[_imAt + e + (2 * lane)] = _im[_imAt + e + (2 * lane) + 1] = m.Imaginary;
                    }
                }
            }
        }
        if (k == 2 && laneMask != 0)
        {
            (_lowRe, _lowReAt, _lowIm, _lowImAt) = LowTwoMatrix(qubits);
        }
        else if (k == 2 && PairBlocks(matrix) is var (rows, columns))
        {
            (_pairRows, _pairColumns) = (rows, columns);
            _pairMatrix = PairMatrix();
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
        else if (_pairRows is not null)
        {
            // Before AVX-512: summing all four terms there rounds differently from the scalar twin's two.
            Sweep.Runs(state, _vectorSorted, new Avx2PairsRun(this));
        }
        // Two-qubit blocks take the AVX2 kernels before AVX-512 too, with the same bits: on a Zen 4/5
        // EPYC (--kernels) the register kernel ran 0.68 ns per amplitude against AVX-512's 0.87–1.09,
        // and the low-qubit one 0.65–0.72 against 1.2–2.5. From three qubits AVX-512 wins (1.36 against 1.78).
        else if (_vectors == 4 && _xors.Length == 1 && (TwoQubitsOnAvx2 || !UseAvx512))
        {
            Sweep.Runs(state, _vectorSorted, new Avx2TwoRun(this));
        }
        else if (_lowRe is not null && (TwoQubitsOnAvx2 || !UseAvx512))
        {
            RunLowTwo(state);
        }
        else if (UseAvx512)
        {
            Sweep.Runs(state, _vectorSorted, new VectorRun<Quad512, System.Runtime.Intrinsics.Vector512<double>>(this));
        }
        else if (_terms >= WideTerms || _vectors == 1)
        {
            Sweep.Runs(state, _vectorSorted, new Avx2WideRun(this));
        }
        else
        {
            Sweep.Runs(state, _vectorSorted, new Avx2Run(this));
        }
    }

    private static (double[] Array, int Offset) Aligned(int length)
    {
        var a = GC.AllocateArray<double>(length + 7, pinned: true);
        fixed (double* p = a)
        {
            return (a, (int)((64 - ((nint)p & 63)) & 63) / sizeof(double));
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

    /// <summary>
    /// Two bases at a time: each matrix vector loaded serves both, and sixteen sums are in flight.
    /// The four-, two- and one-row steps are written out because the sums must live in registers.
    /// </summary>
    private void ApplyVectors<TQ, TV>(double* amplitudes, long b, long count, long mask)
        where TQ : struct, IQuad<TV>
        where TV : unmanaged
    {
        int vectors = _vectors, terms = _terms;
        var bufA = stackalloc TV[terms];
        var bufB = stackalloc TV[terms];
        fixed (double* reArray = _re, imArray = _im)
        fixed (long* off = _vectorOffsets)
        fixed (int* xors = _xors)
        {
            double* re = reArray + _reAt, im = imArray + _imAt;
            for (long n = 0; n < count; n += 2)
            {
                double* pa = amplitudes + (2 * b);
                b = Sweep.Next(b, mask);
                // An odd last base is done twice over the same buffer: the second store writes the same values.
                double* pb = n + 1 < count ? amplitudes + (2 * b) : pa;
                Gather<TQ, TV>(pa, bufA, off, xors);
                Gather<TQ, TV>(pb, bufB, off, xors);
                int i = 0;
                for (; i + Rows <= vectors; i += Rows)
                {
                    double* r0 = re + (i * terms * 8), m0 = im + (i * terms * 8);
                    double* r1 = r0 + (terms * 8), m1 = m0 + (terms * 8);
                    double* r2 = r1 + (terms * 8), m2 = m1 + (terms * 8);
                    double* r3 = r2 + (terms * 8), m3 = m2 + (terms * 8);
                    TV p0 = default, p1 = default, p2 = default, p3 = default, q0 = default, q1 = default, q2 = default, q3 = default;
                    TV s0 = default, s1 = default, s2 = default, s3 = default, t0 = default, t1 = default, t2 = default, t3 = default;
                    for (int c = 0; c < terms; c++)
                    {
                        var va = bufA[c];
                        var vb = bufB[c];
                        int e = c * 8;
                        var m = TQ.Load(r0 + e);
                        p0 = TQ.MulAdd(m, va, p0);
                        s0 = TQ.MulAdd(m, vb, s0);
                        m = TQ.Load(m0 + e);
                        q0 = TQ.MulAdd(m, va, q0);
                        t0 = TQ.MulAdd(m, vb, t0);
                        m = TQ.Load(r1 + e);
                        p1 = TQ.MulAdd(m, va, p1);
                        s1 = TQ.MulAdd(m, vb, s1);
                        m = TQ.Load(m1 + e);
                        q1 = TQ.MulAdd(m, va, q1);
                        t1 = TQ.MulAdd(m, vb, t1);
                        m = TQ.Load(r2 + e);
                        p2 = TQ.MulAdd(m, va, p2);
                        s2 = TQ.MulAdd(m, vb, s2);
                        m = TQ.Load(m2 + e);
                        q2 = TQ.MulAdd(m, va, q2);
                        t2 = TQ.MulAdd(m, vb, t2);
                        m = TQ.Load(r3 + e);
                        p3 = TQ.MulAdd(m, va, p3);
                        s3 = TQ.MulAdd(m, vb, s3);
                        m = TQ.Load(m3 + e);
                        q3 = TQ.MulAdd(m, va, q3);
                        t3 = TQ.MulAdd(m, vb, t3);
                    }
                    TQ.Store(TQ.Combine(p0, q0), pa + (2 * off[i]));
                    TQ.Store(TQ.Combine(p1, q1), pa + (2 * off[i + 1]));
                    TQ.Store(TQ.Combine(p2, q2), pa + (2 * off[i + 2]));
                    TQ.Store(TQ.Combine(p3, q3), pa + (2 * off[i + 3]));
                    TQ.Store(TQ.Combine(s0, t0), pb + (2 * off[i]));
                    TQ.Store(TQ.Combine(s1, t1), pb + (2 * off[i + 1]));
                    TQ.Store(TQ.Combine(s2, t2), pb + (2 * off[i + 2]));
                    TQ.Store(TQ.Combine(s3, t3), pb + (2 * off[i + 3]));
                }
                if (i + 2 <= vectors)
                {
                    double* r0 = re + (i * terms * 8), m0 = im + (i * terms * 8);
                    double* r1 = r0 + (terms * 8), m1 = m0 + (terms * 8);
                    TV p0 = default, p1 = default, q0 = default, q1 = default, s0 = default, s1 = default, t0 = default, t1 = default;
                    for (int c = 0; c < terms; c++)
                    {
                        var va = bufA[c];
                        var vb = bufB[c];
                        int e = c * 8;
                        var m = TQ.Load(r0 + e);
                        p0 = TQ.MulAdd(m, va, p0);
                        s0 = TQ.MulAdd(m, vb, s0);
                        m = TQ.Load(m0 + e);
                        q0 = TQ.MulAdd(m, va, q0);
                        t0 = TQ.MulAdd(m, vb, t0);
                        m = TQ.Load(r1 + e);
                        p1 = TQ.MulAdd(m, va, p1);
                        s1 = TQ.MulAdd(m, vb, s1);
                        m = TQ.Load(m1 + e);
                        q1 = TQ.MulAdd(m, va, q1);
                        t1 = TQ.MulAdd(m, vb, t1);
                    }
                    TQ.Store(TQ.Combine(p0, q0), pa + (2 * off[i]));
                    TQ.Store(TQ.Combine(p1, q1), pa + (2 * off[i + 1]));
                    TQ.Store(TQ.Combine(s0, t0), pb + (2 * off[i]));
                    TQ.Store(TQ.Combine(s1, t1), pb + (2 * off[i + 1]));
                    i += 2;
                }
                if (i < vectors)
                {
                    double* r0 = re + (i * terms * 8), m0 = im + (i * terms * 8);
                    TV p0 = default, q0 = default, s0 = default, t0 = default;
                    for (int c = 0; c < terms; c++)
                    {
                        var m = TQ.Load(r0 + (c * 8));
                        p0 = TQ.MulAdd(m, bufA[c], p0);
                        s0 = TQ.MulAdd(m, bufB[c], s0);
                        m = TQ.Load(m0 + (c * 8));
                        q0 = TQ.MulAdd(m, bufA[c], q0);
                        t0 = TQ.MulAdd(m, bufB[c], t0);
                    }
                    TQ.Store(TQ.Combine(p0, q0), pa + (2 * off[i]));
                    TQ.Store(TQ.Combine(s0, t0), pb + (2 * off[i]));
                }
                b = Sweep.Next(b, mask);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private void Gather<TQ, TV>(double* p, TV* buf, long* off, int* xors)
        where TQ : struct, IQuad<TV>
        where TV : unmanaged
    {
        int xorCount = _xors.Length;
        if (xorCount == 1)
        {
            for (int j = 0; j < _vectors; j++)
            {
                buf[j] = TQ.Load(p + (2 * off[j]));
            }
            return;
        }
        if (xorCount == 2)
        {
            int t = xors[1];
            for (int j = 0; j < _vectors; j++)
            {
                var x = TQ.Load(p + (2 * off[j]));
                buf[2 * j] = x;
                buf[(2 * j) + 1] = TQ.Xor(x, t);
            }
            return;
        }
        for (int j = 0; j < _vectors; j++)
        {
            var x = TQ.Load(p + (2 * off[j]));
            buf[4 * j] = x;
            buf[(4 * j) + 1] = TQ.Xor(x, 1);
            buf[(4 * j) + 2] = TQ.Xor(x, 2);
            buf[(4 * j) + 3] = TQ.Xor(x, 3);
        }
    }

    private void ApplyScalar(double* amplitudes, long b, long count, long mask)
    {
        if (_pairRows is not null)
        {
            ApplyScalarPairs(amplitudes, b, count, mask);
            return;
        }
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
