using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A diagonal gate on any qubits: a contiguous sweep in runs over which the factor is constant
/// (per AVX lane). Runs whose factors are exactly 1 are skipped, so cz, cp, s and t read only the
/// part of the state they change.
/// </summary>
internal static unsafe class DiagonalKernel
{
    /// <param name="qubits">operand order: local bit k is qubit qubits[k]</param>
    /// <param name="diagonal">the factor of each local index</param>
    public static void Apply(StateVector state, int[] qubits, Complex[] diagonal)
    {
        var sorted = qubits.Order().ToArray();
        // Lanes of one vector differ only in bit 0, so a run is bounded by the lowest qubit above 0.
        int runBit = sorted[0] > 0 ? sorted[0] : (sorted.Length > 1 ? sorted[1] : state.Qubits);
        long run = 1L << runBit;
        nint p = (nint)state.Pointer;
        bool vector = ComplexOps.UseAvx && state.Length >= 2;
        Sweep.Chunks(state.Length, state.Threads, 2, (start, end) =>
        {
            double* a = (double*)p;
            long i = start;
            while (i < end)
            {
                long runEnd = Math.Min(end, (i | (run - 1)) + 1);
                var lo = diagonal[Bits.Extract(i, qubits)];
                var hi = diagonal[Bits.Extract(i + 1 < state.Length ? i + 1 : i, qubits)];
                if (lo == Complex.One && hi == Complex.One)
                {
                    i = runEnd;
                    continue;
                }
                if (vector)
                {
                    var re = ComplexOps.Re(lo, hi);
                    var im = ComplexOps.Im(lo, hi);
                    for (long t = 2 * i; t < 2 * runEnd; t += 4)
                    {
                        Avx.Store(a + t, ComplexOps.Mul(re, im, Avx.LoadVector256(a + t)));
                    }
                }
                else
                {
                    for (long k = i; k < runEnd; k++)
                    {
                        var d = (k & 1) == 0 ? lo : hi;
                        ComplexOps.Mul(d, a[2 * k], a[(2 * k) + 1], out a[2 * k], out a[(2 * k) + 1]);
                    }
                }
                i = runEnd;
            }
        });
    }
}
