using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A dense k-qubit matrix (k ≥ 2): gathers the 2^k amplitudes of two adjacent base indices as
/// vectors, multiplies, and scatters. Used for two-qubit gates, fused blocks and 3–5 qubit gates.
/// </summary>
internal readonly unsafe struct DenseKernel : IRunKernel
{
    private readonly long[] _offsets;
    private readonly Complex[] _matrix;
    private readonly Vector256<double>[] _re, _im;

    // With qubit 0 in the gate (local bit _low) one vector holds an amplitude pair differing in
    // bit 0: for half-size indices r', c' the pair result is D·v + O·(v with halves exchanged).
    private readonly int _low;
    private readonly long[] _pairOffsets;

    // The column order of each row's sum, the same in the scalar path as in the vector paths so
    // that both round alike.
    private readonly int[] _order;
    private readonly Vector256<double>[] _dRe, _dIm, _oRe, _oIm;

    /// <param name="offsets">amplitude offset of each local index</param>
    /// <param name="matrix">row-major over local indices</param>
    public DenseKernel(long[] offsets, Complex[] matrix)
    {
        _offsets = offsets;
        _matrix = matrix;
        _re = new Vector256<double>[matrix.Length];
        _im = new Vector256<double>[matrix.Length];
        for (int e = 0; e < matrix.Length; e++)
        {
            _re[e] = ComplexOps.Re(matrix[e]);
            _im[e] = ComplexOps.Im(matrix[e]);
        }
        int d = offsets.Length;
        int low = Array.IndexOf(offsets, 1L);
        _low = low;
        _order = new int[d * d];
        var pairs = Enumerable.Range(0, d).Where(l => (l & Math.Max(low, 0)) == 0).ToArray();
        for (int r = 0; r < d; r++)
        {
            for (int i = 0; i < d; i++)
            {
                // Low-lane path: per column pair, first the term in the row's own lane, then the other.
                int rb = r & Math.Max(low, 0);
                _order[(r * d) + i] = low < 0 ? i : (i % 2 == 0 ? pairs[i / 2] | rb : pairs[i / 2] | (rb ^ low));
            }
        }
        if (_low < 0)
        {
            _pairOffsets = [];
            _dRe = _dIm = _oRe = _oIm = [];
            return;
        }
        int lowBit = _low;
        var half = Enumerable.Range(0, d).Where(l => (l & lowBit) == 0).ToArray();
        _pairOffsets = [.. half.Select(l => offsets[l])];
        int h = half.Length;
        _dRe = new Vector256<double>[h * h];
        _dIm = new Vector256<double>[h * h];
        _oRe = new Vector256<double>[h * h];
        _oIm = new Vector256<double>[h * h];
        for (int r = 0; r < h; r++)
        {
            for (int c = 0; c < h; c++)
            {
                int r0 = half[r], r1 = half[r] | lowBit, c0 = half[c], c1 = half[c] | lowBit;
                _dRe[(r * h) + c] = ComplexOps.Re(matrix[(r0 * d) + c0], matrix[(r1 * d) + c1]);
                _dIm[(r * h) + c] = ComplexOps.Im(matrix[(r0 * d) + c0], matrix[(r1 * d) + c1]);
                _oRe[(r * h) + c] = ComplexOps.Re(matrix[(r0 * d) + c1], matrix[(r1 * d) + c0]);
                _oIm[(r * h) + c] = ComplexOps.Im(matrix[(r0 * d) + c1], matrix[(r1 * d) + c0]);
            }
        }
    }

    public void Apply(double* amplitudes, long firstBase, long count, long mask)
    {
        int d = _offsets.Length;
        long b = firstBase;
        if (ComplexOps.UseAvx && (mask & 1) != 0)
        {
            ApplyLow(amplitudes, firstBase, count, mask);
            return;
        }
        if (ComplexOps.UseAvx && d == 4 && (count & 1) == 0)
        {
            ApplyFour(amplitudes, firstBase, count, mask);
            return;
        }
        if (ComplexOps.UseAvx && d == 8 && (count & 1) == 0)
        {
            ApplyEight(amplitudes, firstBase, count, mask);
            return;
        }
        if (ComplexOps.UseAvx && (count & 1) == 0)
        {
            var a = stackalloc Vector256<double>[d];
            var s = stackalloc Vector256<double>[d];
            fixed (Vector256<double>* re = _re, im = _im)
            fixed (long* off = _offsets)
            {
                for (long t = 0; t < count; t += 2)
                {
                    double* p = amplitudes + (2 * b);
                    for (int c = 0; c < d; c++)
                    {
                        a[c] = Avx.LoadVector256(p + (2 * off[c]));
                        s[c] = ComplexOps.Swap(a[c]);
                    }
                    for (int r = 0; r < d; r++)
                    {
                        var row = r * d;
                        var acc = ComplexOps.Mul(re[row], im[row], a[0], s[0]);
                        for (int c = 1; c < d; c++)
                        {
                            acc = ComplexOps.MulAdd(re[row + c], im[row + c], a[c], s[c], acc);
                        }
                        Avx.Store(p + (2 * off[r]), acc);
                    }
                    b = Sweep.Next(b + 1, mask);
                }
            }
            return;
        }
        var v = stackalloc double[2 * d];
        for (long t = 0; t < count; t++)
        {
            double* p = amplitudes + (2 * b);
            for (int c = 0; c < d; c++)
            {
                v[2 * c] = p[2 * _offsets[c]];
                v[(2 * c) + 1] = p[(2 * _offsets[c]) + 1];
            }
            for (int r = 0; r < d; r++)
            {
                int row = r * d;
                int c = _order[row];
                ComplexOps.Mul(_matrix[row + c], v[2 * c], v[(2 * c) + 1], out var accR, out var accI);
                for (int i = 1; i < d; i++)
                {
                    c = _order[row + i];
                    ComplexOps.MulAdd(_matrix[row + c], v[2 * c], v[(2 * c) + 1], ref accR, ref accI);
                }
                p[2 * _offsets[r]] = accR;
                p[(2 * _offsets[r]) + 1] = accI;
            }
            b = Sweep.Next(b, mask);
        }
    }

    /// <summary>Two-qubit gates unrolled, so the sixteen products stay in registers.</summary>
    private void ApplyFour(double* amplitudes, long b, long count, long mask)
    {
        long o1 = 2 * _offsets[1], o2 = 2 * _offsets[2], o3 = 2 * _offsets[3];
        fixed (Vector256<double>* re = _re, im = _im)
        {
            for (long t = 0; t < count; t += 2)
            {
                double* p = amplitudes + (2 * b);
                var a0 = Avx.LoadVector256(p);
                var a1 = Avx.LoadVector256(p + o1);
                var a2 = Avx.LoadVector256(p + o2);
                var a3 = Avx.LoadVector256(p + o3);
                var s0 = ComplexOps.Swap(a0);
                var s1 = ComplexOps.Swap(a1);
                var s2 = ComplexOps.Swap(a2);
                var s3 = ComplexOps.Swap(a3);
                Avx.Store(p, Row(re, im, 0, a0, a1, a2, a3, s0, s1, s2, s3));
                Avx.Store(p + o1, Row(re, im, 4, a0, a1, a2, a3, s0, s1, s2, s3));
                Avx.Store(p + o2, Row(re, im, 8, a0, a1, a2, a3, s0, s1, s2, s3));
                Avx.Store(p + o3, Row(re, im, 12, a0, a1, a2, a3, s0, s1, s2, s3));
                b = Sweep.Next(b + 1, mask);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row(
        Vector256<double>* re, Vector256<double>* im, int row,
        Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3,
        Vector256<double> s0, Vector256<double> s1, Vector256<double> s2, Vector256<double> s3)
    {
        var acc = ComplexOps.Mul(re[row], im[row], a0, s0);
        acc = ComplexOps.MulAdd(re[row + 1], im[row + 1], a1, s1, acc);
        acc = ComplexOps.MulAdd(re[row + 2], im[row + 2], a2, s2, acc);
        return ComplexOps.MulAdd(re[row + 3], im[row + 3], a3, s3, acc);
    }

    /// <summary>Three-qubit blocks (the default fusion size) unrolled: the amplitudes stay in registers.</summary>
    private void ApplyEight(double* amplitudes, long b, long count, long mask)
    {
        long o1 = 2 * _offsets[1], o2 = 2 * _offsets[2], o3 = 2 * _offsets[3];
        long o4 = 2 * _offsets[4], o5 = 2 * _offsets[5], o6 = 2 * _offsets[6], o7 = 2 * _offsets[7];
        fixed (Vector256<double>* re = _re, im = _im)
        {
            for (long t = 0; t < count; t += 2)
            {
                double* p = amplitudes + (2 * b);
                var a0 = Avx.LoadVector256(p);
                var a1 = Avx.LoadVector256(p + o1);
                var a2 = Avx.LoadVector256(p + o2);
                var a3 = Avx.LoadVector256(p + o3);
                var a4 = Avx.LoadVector256(p + o4);
                var a5 = Avx.LoadVector256(p + o5);
                var a6 = Avx.LoadVector256(p + o6);
                var a7 = Avx.LoadVector256(p + o7);
                var s0 = ComplexOps.Swap(a0);
                var s1 = ComplexOps.Swap(a1);
                var s2 = ComplexOps.Swap(a2);
                var s3 = ComplexOps.Swap(a3);
                var s4 = ComplexOps.Swap(a4);
                var s5 = ComplexOps.Swap(a5);
                var s6 = ComplexOps.Swap(a6);
                var s7 = ComplexOps.Swap(a7);
                Avx.Store(p, Row8(re, im, 0, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o1, Row8(re, im, 8, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o2, Row8(re, im, 16, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o3, Row8(re, im, 24, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o4, Row8(re, im, 32, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o5, Row8(re, im, 40, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o6, Row8(re, im, 48, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                Avx.Store(p + o7, Row8(re, im, 56, a0, a1, a2, a3, a4, a5, a6, a7, s0, s1, s2, s3, s4, s5, s6, s7));
                b = Sweep.Next(b + 1, mask);
            }
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Row8(
        Vector256<double>* re, Vector256<double>* im, int row,
        Vector256<double> a0, Vector256<double> a1, Vector256<double> a2, Vector256<double> a3,
        Vector256<double> a4, Vector256<double> a5, Vector256<double> a6, Vector256<double> a7,
        Vector256<double> s0, Vector256<double> s1, Vector256<double> s2, Vector256<double> s3,
        Vector256<double> s4, Vector256<double> s5, Vector256<double> s6, Vector256<double> s7)
    {
        var acc = Row(re, im, row, a0, a1, a2, a3, s0, s1, s2, s3);
        acc = ComplexOps.MulAdd(re[row + 4], im[row + 4], a4, s4, acc);
        acc = ComplexOps.MulAdd(re[row + 5], im[row + 5], a5, s5, acc);
        acc = ComplexOps.MulAdd(re[row + 6], im[row + 6], a6, s6, acc);
        return ComplexOps.MulAdd(re[row + 7], im[row + 7], a7, s7, acc);
    }

    /// <summary>Qubit 0 in the gate: per base, vectors hold the pairs that differ in bit 0.</summary>
    private void ApplyLow(double* amplitudes, long b, long count, long mask)
    {
        int h = _pairOffsets.Length;
        var v = stackalloc Vector256<double>[h];
        var vs = stackalloc Vector256<double>[h];
        var w = stackalloc Vector256<double>[h];
        var ws = stackalloc Vector256<double>[h];
        fixed (Vector256<double>* dr = _dRe, di = _dIm, or = _oRe, oi = _oIm)
        fixed (long* off = _pairOffsets)
        {
            for (long t = 0; t < count; t++)
            {
                double* p = amplitudes + (2 * b);
                for (int c = 0; c < h; c++)
                {
                    v[c] = Avx.LoadVector256(p + (2 * off[c]));
                    vs[c] = ComplexOps.Swap(v[c]);
                    w[c] = Avx2.Permute4x64(v[c], 0b01001110);
                    ws[c] = ComplexOps.Swap(w[c]);
                }
                for (int r = 0; r < h; r++)
                {
                    int row = r * h;
                    var acc = ComplexOps.Mul(dr[row], di[row], v[0], vs[0]);
                    acc = ComplexOps.MulAdd(or[row], oi[row], w[0], ws[0], acc);
                    for (int c = 1; c < h; c++)
                    {
                        acc = ComplexOps.MulAdd(dr[row + c], di[row + c], v[c], vs[c], acc);
                        acc = ComplexOps.MulAdd(or[row + c], oi[row + c], w[c], ws[c], acc);
                    }
                    Avx.Store(p + (2 * off[r]), acc);
                }
                b = Sweep.Next(b, mask);
            }
        }
    }
}
