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
            for (long t = 0; t < count; t += 2)
            {
                var a = Avx.LoadVector256(x + (2 * b));
                Avx.Store(x + (2 * b), Avx.LoadVector256(y + (2 * b)));
                Avx.Store(y + (2 * b), a);
                b = Sweep.Next(b + 1, mask);
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
