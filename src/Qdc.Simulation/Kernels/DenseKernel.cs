using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A dense k-qubit matrix (k ≥ 2): gathers the 2^k amplitudes of two consecutive base indices as
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

    public void Apply(double* amplitudes, long baseIndex, long length)
    {
        int d = _offsets.Length;
        if (ComplexOps.UseAvx && (length & 1) == 0)
        {
            var a = stackalloc Vector256<double>[d];
            fixed (Vector256<double>* re = _re, im = _im)
            fixed (long* off = _offsets)
            {
                for (long t = 0; t < length; t += 2)
                {
                    double* b = amplitudes + (2 * (baseIndex + t));
                    for (int c = 0; c < d; c++)
                    {
                        a[c] = Avx.LoadVector256(b + (2 * off[c]));
                    }
                    for (int r = 0; r < d; r++)
                    {
                        var row = r * d;
                        var acc = ComplexOps.Mul(re[row], im[row], a[0]);
                        for (int c = 1; c < d; c++)
                        {
                            acc = Avx.Add(acc, ComplexOps.Mul(re[row + c], im[row + c], a[c]));
                        }
                        Avx.Store(b + (2 * off[r]), acc);
                    }
                }
            }
            return;
        }
        var s = stackalloc double[2 * d];
        for (long t = 0; t < length; t++)
        {
            double* b = amplitudes + (2 * (baseIndex + t));
            for (int c = 0; c < d; c++)
            {
                s[2 * c] = b[2 * _offsets[c]];
                s[(2 * c) + 1] = b[(2 * _offsets[c]) + 1];
            }
            for (int r = 0; r < d; r++)
            {
                int row = r * d;
                ComplexOps.Mul(_matrix[row], s[0], s[1], out var accR, out var accI);
                for (int c = 1; c < d; c++)
                {
                    ComplexOps.Mul(_matrix[row + c], s[2 * c], s[(2 * c) + 1], out var pr, out var pi);
                    accR += pr;
                    accI += pi;
                }
                b[2 * _offsets[r]] = accR;
                b[(2 * _offsets[r]) + 1] = accI;
            }
        }
    }
}
