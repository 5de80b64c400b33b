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

    public void Apply(double* amplitudes, long baseIndex, long length)
    {
        double* x = amplitudes + (2 * (baseIndex + _o0));
        double* y = amplitudes + (2 * (baseIndex + _o1));
        long n = 2 * length;
        if (ComplexOps.UseAvx && (length & 1) == 0)
        {
            for (long t = 0; t < n; t += 4)
            {
                var a0 = Avx.LoadVector256(x + t);
                var a1 = Avx.LoadVector256(y + t);
                Avx.Store(x + t, Avx.Add(ComplexOps.Mul(_r00, _i00, a0), ComplexOps.Mul(_r01, _i01, a1)));
                Avx.Store(y + t, Avx.Add(ComplexOps.Mul(_r10, _i10, a0), ComplexOps.Mul(_r11, _i11, a1)));
            }
            return;
        }
        for (long t = 0; t < n; t += 2)
        {
            double ar = x[t], ai = x[t + 1], br = y[t], bi = y[t + 1];
            ComplexOps.Mul(_m00, ar, ai, out var p, out var q);
            ComplexOps.Mul(_m01, br, bi, out var r, out var s);
            x[t] = p + r;
            x[t + 1] = q + s;
            ComplexOps.Mul(_m10, ar, ai, out p, out q);
            ComplexOps.Mul(_m11, br, bi, out r, out s);
            y[t] = p + r;
            y[t + 1] = q + s;
        }
    }
}
