using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A 2×2 matrix on the amplitude pairs (base + o0, base + o1): a dense one-qubit gate (offsets 0
/// and 2^q) or a controlled one (both offsets carry the control mask, so only that subspace is read).
/// </summary>
internal readonly unsafe struct PairKernel : IRunKernel
{
    private readonly long _o0, _o1;
    private readonly Complex _m00, _m01, _m10, _m11;
    private readonly Vector256<double> _r00, _i00, _r01, _i01, _r10, _i10, _r11, _i11;

    public PairKernel(long o0, long o1, Complex m00, Complex m01, Complex m10, Complex m11)
    {
        _o0 = o0;
        _o1 = o1;
        (_m00, _m01, _m10, _m11) = (m00, m01, m10, m11);
        (_r00, _i00) = (ComplexOps.Re(m00), ComplexOps.Im(m00));
        (_r01, _i01) = (ComplexOps.Re(m01), ComplexOps.Im(m01));
        (_r10, _i10) = (ComplexOps.Re(m10), ComplexOps.Im(m10));
        (_r11, _i11) = (ComplexOps.Re(m11), ComplexOps.Im(m11));
    }

    public void Apply(double* amplitudes, long firstBase, long count, long mask)
    {
        double* x = amplitudes + (2 * _o0);
        double* y = amplitudes + (2 * _o1);
        long b = firstBase;
        if (ComplexOps.UseAvx && (mask & 1) == 0 && (count & 1) == 0)
        {
            var (r00, i00, r01, i01, r10, i10, r11, i11) = (_r00, _i00, _r01, _i01, _r10, _i10, _r11, _i11);
            for (long v = 0; v < count / 2;)
            {
                long length = Math.Min((count / 2) - v, Sweep.VectorRun(b, mask));
                double* xs = x + (2 * b), ys = y + (2 * b);
                for (long i = 0; i < 4 * length; i += 4)
                {
                    var a0 = Avx.LoadVector256(xs + i);
                    var a1 = Avx.LoadVector256(ys + i);
                    var s0 = ComplexOps.Swap(a0);
                    var s1 = ComplexOps.Swap(a1);
                    Avx.Store(xs + i, ComplexOps.MulAdd(r01, i01, a1, s1, ComplexOps.Mul(r00, i00, a0, s0)));
                    Avx.Store(ys + i, ComplexOps.MulAdd(r11, i11, a1, s1, ComplexOps.Mul(r10, i10, a0, s0)));
                }
                v += length;
                b = Sweep.AfterRun(b, length, mask);
            }
            return;
        }
        for (long t = 0; t < count; t++)
        {
            double* u = x + (2 * b), v = y + (2 * b);
            double ar = u[0], ai = u[1], br = v[0], bi = v[1];
            ComplexOps.Mul(_m00, ar, ai, out var p, out var q);
            ComplexOps.MulAdd(_m01, br, bi, ref p, ref q);
            ComplexOps.Mul(_m10, ar, ai, out var r, out var s);
            ComplexOps.MulAdd(_m11, br, bi, ref r, ref s);
            (u[0], u[1], v[0], v[1]) = (p, q, r, s);
            b = Sweep.Next(b, mask);
        }
    }
}
