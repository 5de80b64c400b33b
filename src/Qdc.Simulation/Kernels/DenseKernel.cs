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
    }

    public void Apply(double* amplitudes, long firstBase, long count, long mask)
    {
        int d = _offsets.Length;
        long b = firstBase;
        if (ComplexOps.UseAvx && (mask & 1) == 0 && (count & 1) == 0)
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
                ComplexOps.Mul(_matrix[row], v[0], v[1], out var accR, out var accI);
                for (int c = 1; c < d; c++)
                {
                    ComplexOps.MulAdd(_matrix[row + c], v[2 * c], v[(2 * c) + 1], ref accR, ref accI);
                }
                p[2 * _offsets[r]] = accR;
                p[(2 * _offsets[r]) + 1] = accI;
            }
            b = Sweep.Next(b, mask);
        }
    }
}
