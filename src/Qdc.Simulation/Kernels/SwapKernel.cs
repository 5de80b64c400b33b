using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>Exchanges amplitudes base + o0 and base + o1: swap, and multi-controlled X.</summary>
internal readonly unsafe struct SwapKernel(long o0, long o1) : IRunKernel
{
    public void Apply(double* amplitudes, long firstBase, long count, long mask)
    {
        double* x = amplitudes + (2 * o0);
        double* y = amplitudes + (2 * o1);
        long b = firstBase;
        if (ComplexOps.UseAvx && (mask & 1) == 0 && (count & 1) == 0)
        {
            for (long v = 0; v < count / 2;)
            {
                long length = Math.Min((count / 2) - v, Sweep.VectorRun(b, mask));
                double* xs = x + (2 * b), ys = y + (2 * b);
                for (long i = 0; i < 4 * length; i += 4)
                {
                    var a = Avx.LoadVector256(xs + i);
                    Avx.Store(xs + i, Avx.LoadVector256(ys + i));
                    Avx.Store(ys + i, a);
                }
                v += length;
                b = Sweep.AfterRun(b, length, mask);
            }
            return;
        }
        for (long t = 0; t < count; t++)
        {
            double* u = x + (2 * b), v = y + (2 * b);
            (u[0], u[1], v[0], v[1]) = (v[0], v[1], u[0], u[1]);
            b = Sweep.Next(b, mask);
        }
    }
}
