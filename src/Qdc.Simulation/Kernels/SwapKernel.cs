using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>Exchanges amplitudes base + o0 and base + o1: swap, and multi-controlled X.</summary>
internal readonly unsafe struct SwapKernel(long o0, long o1) : IRunKernel
{
    public void Apply(double* amplitudes, long baseIndex, long length)
    {
        double* x = amplitudes + (2 * (baseIndex + o0));
        double* y = amplitudes + (2 * (baseIndex + o1));
        long n = 2 * length;
        if (ComplexOps.UseAvx && (length & 1) == 0)
        {
            for (long t = 0; t < n; t += 4)
            {
                var a = Avx.LoadVector256(x + t);
                Avx.Store(x + t, Avx.LoadVector256(y + t));
                Avx.Store(y + t, a);
            }
            return;
        }
        for (long t = 0; t < n; t++)
        {
            (x[t], y[t]) = (y[t], x[t]);
        }
    }
}
