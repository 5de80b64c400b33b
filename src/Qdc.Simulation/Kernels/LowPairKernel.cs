using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A dense one-qubit gate on qubit 0, where each pair is one AVX vector: the result is
/// diag(m00, m11)·v + diag(m01, m10)·(v with its halves exchanged).
/// </summary>
internal static unsafe class LowPairKernel
{
    public static void Apply(StateVector state, Complex m00, Complex m01, Complex m10, Complex m11)
    {
        nint p = (nint)state.Pointer;
        var dr = ComplexOps.Re(m00, m11);
        var di = ComplexOps.Im(m00, m11);
        var or = ComplexOps.Re(m01, m10);
        var oi = ComplexOps.Im(m01, m10);
        Sweep.Chunks(state.Length / 2, state.Threads, 1, (start, end) =>
        {
            double* a = (double*)p;
            if (ComplexOps.UseAvx)
            {
                for (long j = start; j < end; j++)
                {
                    var v = Avx.LoadVector256(a + (4 * j));
                    var w = Avx2.IsSupported ? Avx2.Permute4x64(v, 0b01001110) : Avx.Permute2x128(v, v, 1);
                    var acc = ComplexOps.Mul(dr, di, v, ComplexOps.Swap(v));
                    Avx.Store(a + (4 * j), ComplexOps.MulAdd(or, oi, w, ComplexOps.Swap(w), acc));
                }
                return;
            }
            for (long j = start; j < end; j++)
            {
                double* x = a + (4 * j);
                double ar = x[0], ai = x[1], br = x[2], bi = x[3];
                ComplexOps.Mul(m00, ar, ai, out var p0, out var q0);
                ComplexOps.MulAdd(m01, br, bi, ref p0, ref q0);
                ComplexOps.Mul(m11, br, bi, out var p1, out var q1);
                ComplexOps.MulAdd(m10, ar, ai, ref p1, ref q1);
                (x[0], x[1], x[2], x[3]) = (p0, q0, p1, q1);
            }
        });
    }
}
