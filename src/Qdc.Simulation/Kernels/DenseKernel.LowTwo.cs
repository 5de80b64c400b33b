using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// The AVX2 form of a two-qubit block on qubit 0 or 1 (or both). A register holds two amplitudes,
/// so qubit 0 mixes the halves of one register: the generic path gathers lane-permuted copies
/// and ran at 1.9–3.7 ns per amplitude against 0.85 on higher qubits. Here each group of eight
/// amplitudes that the gate mixes is loaded into four registers that each hold one gate index for
/// two independent amplitudes (a 128-bit transpose when qubit 0 is in the gate; qubit 1 alone
/// splits the quad into its two registers already), so every matrix entry is the same in both
/// lanes and the sums are those of <see cref="ApplyAvx2Two"/>. Each output still takes the
/// vector path's terms in the vector path's order, so the bits equal the other paths'.
/// </summary>
internal sealed unsafe partial class DenseKernel
{
    // Per output register r and term i, re and im of the matrix entry broadcast to four doubles at r·32 + i·8 (the layout <see cref="ApplyAvx2Two"/> reads), or null.
    private readonly double[]? _lowRe, _lowIm;
    private readonly int _lowReAt, _lowImAt;

    /// <summary>
    /// Registers R0–R3 hold gate indices (low, other) = (0, 0), (1, 0), (0, 1), (1, 1), where low is
    /// qubit 0 (or qubit 1 when qubit 0 is not in the gate) and other the gate's second qubit; with
    /// both low qubits R_r holds lane r. The vector path's term i for the output in R_r reads
    /// R[i ^ (r &amp; 1)] (R[i ^ r] with both), so the entry is read off its layout at that position.
    /// </summary>
    private (double[] Re, int ReAt, double[] Im, int ImAt) LowTwoMatrix(int[] qubits)
    {
        bool zero = qubits.Contains(0), both = zero && qubits.Contains(1);
        var (re, reAt) = Aligned(128);
        var (im, imAt) = Aligned(128);
        for (int r = 0; r < 4; r++)
        {
            // The output's vector row and lane in the vector path's layout.
            int row = both ? 0 : r >> 1;
            int lane = both ? r : zero ? r & 1 : 2 * (r & 1);
            for (int i = 0; i < 4; i++)
            {
                int e = ((row * _terms) + i) * 8;
                for (int l = 0; l < 4; l++)
                {
                    re[reAt + (r * 32) + (i * 8) + l] = _re[_reAt + e + (2 * lane)];
                    im[imAt + (r * 32) + (i * 8) + l] = _im[_imAt + e + (2 * lane)];
                }
            }
        }
        return (re, reAt, im, imAt);
    }

    /// <summary>
    /// Two groups per pass, so each matrix load serves both; the rows are written out because the
    /// eight inputs, two finished outputs and four sums must stay in AVX2's sixteen registers.
    /// Missing last bases repeat the one before: the same inputs, so their stores write the same values.
    /// </summary>
    private void ApplyAvx2LowTwo<TL>(double* amplitudes, long b, long count, long mask)
        where TL : struct, ILowTwoLayout
    {
        var sign = Vector256.Create(-1.0, 1, -1, 1);
        long other = 2 * _vectorOffsets[^1];
        fixed (double* reArray = _lowRe, imArray = _lowIm)
        {
            double* re = reArray + _lowReAt, im = imArray + _lowImAt;
            long left = count;
            while (left > 0)
            {
                // Per group, the addresses of the vector pairs that make R0, R1 and R2, R3.
                double* a0, a1, a2, a3, c0, c1, c2, c3;
                double* pa = Take(amplitudes, ref b, ref left, mask, null);
                if (TL.BothLow)
                {
                    double* qa = Take(amplitudes, ref b, ref left, mask, pa);
                    double* pc = Take(amplitudes, ref b, ref left, mask, qa);
                    double* qc = Take(amplitudes, ref b, ref left, mask, pc);
                    a0 = pa;
                    a1 = qa;
                    a2 = pa + 4;
                    a3 = qa + 4;
                    c0 = pc;
                    c1 = qc;
                    c2 = pc + 4;
                    c3 = qc + 4;
                }
                else
                {
                    double* pc = Take(amplitudes, ref b, ref left, mask, pa);
                    a0 = pa;
                    a1 = pa + 4;
                    a2 = pa + other;
                    a3 = pa + other + 4;
                    c0 = pc;
                    c1 = pc + 4;
                    c2 = pc + other;
                    c3 = pc + other + 4;
                }
                var (x0, x1) = Pair<TL>(Avx.LoadVector256(a0), Avx.LoadVector256(a1));
                var (x2, x3) = Pair<TL>(Avx.LoadVector256(a2), Avx.LoadVector256(a3));
                var (y0, y1) = Pair<TL>(Avx.LoadVector256(c0), Avx.LoadVector256(c1));
                var (y2, y3) = Pair<TL>(Avx.LoadVector256(c2), Avx.LoadVector256(c3));
                Row(re, im, x0, x1, x2, x3, y0, y1, y2, y3, sign, out var u0, out var v0);
                Row(re + 32, im + 32, x1, x0, x3, x2, y1, y0, y3, y2, sign, out var u1, out var v1);
                Store<TL>(u0, u1, a0, a1);
                Store<TL>(v0, v1, c0, c1);
                if (TL.BothLow)
                {
                    Row(re + 64, im + 64, x2, x3, x0, x1, y2, y3, y0, y1, sign, out u0, out v0);
                    Row(re + 96, im + 96, x3, x2, x1, x0, y3, y2, y1, y0, sign, out u1, out v1);
                }
                else
                {
                    Row(re + 64, im + 64, x0, x1, x2, x3, y0, y1, y2, y3, sign, out u0, out v0);
                    Row(re + 96, im + 96, x1, x0, x3, x2, y1, y0, y3, y2, sign, out u1, out v1);
                }
                Store<TL>(u0, u1, a2, a3);
                Store<TL>(v0, v1, c2, c3);
            }
        }
    }

    private void RunLowTwo(StateVector state)
    {
        if (_xors.Length == 4)
        {
            Sweep.Runs(state, _vectorSorted, new Avx2LowTwoRun<LowBoth>(this));
        }
        else if (_xors[1] == 1)
        {
            Sweep.Runs(state, _vectorSorted, new Avx2LowTwoRun<LowZero>(this));
        }
        else
        {
            Sweep.Runs(state, _vectorSorted, new Avx2LowTwoRun<LowOne>(this));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double* Take(double* amplitudes, ref long b, ref long left, long mask, double* previous)
    {
        if (left == 0)
        {
            return previous;
        }
        left--;
        double* p = amplitudes + (2 * b);
        b = Sweep.Next(b, mask);
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store<TL>(Vector256<double> u, Vector256<double> v, double* p, double* q)
        where TL : struct, ILowTwoLayout
    {
        var (s, t) = Pair<TL>(u, v);
        Avx.Store(p, s);
        Avx.Store(q, t);
    }

    /// <summary>(s.lo, t.lo) and (s.hi, t.hi) when transposed, its own inverse; else s and t.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>) Pair<TL>(Vector256<double> s, Vector256<double> t)
        where TL : struct, ILowTwoLayout =>
        TL.Transposed ? (Avx.Permute2x128(s, t, 0x20), Avx.Permute2x128(s, t, 0x31)) : (s, t);

    /// <summary>
    /// One output of a 4×4 block for two sets of inputs (x, y): terms in the order given, from zero,
    /// then P + i·Q; matrix vectors 8 doubles apart. The terms are written out so that the sums stay in registers.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Row(
        double* re,
        double* im,
        Vector256<double> x0,
        Vector256<double> x1,
        Vector256<double> x2,
        Vector256<double> x3,
        Vector256<double> y0,
        Vector256<double> y1,
        Vector256<double> y2,
        Vector256<double> y3,
        Vector256<double> sign,
        out Vector256<double> u,
        out Vector256<double> v)
    {
        var zero = Vector256<double>.Zero;
        var mr = Avx.LoadVector256(re);
        var mi = Avx.LoadVector256(im);
        var p0 = Fma.MultiplyAdd(mr, x0, zero);
        var p1 = Fma.MultiplyAdd(mr, y0, zero);
        var q0 = Fma.MultiplyAdd(mi, x0, zero);
        var q1 = Fma.MultiplyAdd(mi, y0, zero);
        mr = Avx.LoadVector256(re + 8);
        mi = Avx.LoadVector256(im + 8);
        p0 = Fma.MultiplyAdd(mr, x1, p0);
        p1 = Fma.MultiplyAdd(mr, y1, p1);
        q0 = Fma.MultiplyAdd(mi, x1, q0);
        q1 = Fma.MultiplyAdd(mi, y1, q1);
        mr = Avx.LoadVector256(re + 16);
        mi = Avx.LoadVector256(im + 16);
        p0 = Fma.MultiplyAdd(mr, x2, p0);
        p1 = Fma.MultiplyAdd(mr, y2, p1);
        q0 = Fma.MultiplyAdd(mi, x2, q0);
        q1 = Fma.MultiplyAdd(mi, y2, q1);
        mr = Avx.LoadVector256(re + 24);
        mi = Avx.LoadVector256(im + 24);
        p0 = Fma.MultiplyAdd(mr, x3, p0);
        p1 = Fma.MultiplyAdd(mr, y3, p1);
        q0 = Fma.MultiplyAdd(mi, x3, q0);
        q1 = Fma.MultiplyAdd(mi, y3, q1);
        u = Fma.MultiplyAdd(sign, Avx.Permute(q0, 0b0101), p0);
        v = Fma.MultiplyAdd(sign, Avx.Permute(q1, 0b0101), p1);
    }

    /// <summary>Which low qubits a block holds, as types so that the JIT drops the untaken branches.</summary>
    internal interface ILowTwoLayout
    {
        /// <summary>Qubits 0 and 1 both in the gate: a group is two bases, and the row order follows both low bits.</summary>
        static abstract bool BothLow { get; }

        /// <summary>Qubit 0 in the gate: the registers are a 128-bit transpose of the loaded vectors.</summary>
        static abstract bool Transposed { get; }
    }

    internal readonly struct LowZero : ILowTwoLayout
    {
        public static bool BothLow => false;

        public static bool Transposed => true;
    }

    internal readonly struct LowBoth : ILowTwoLayout
    {
        public static bool BothLow => true;

        public static bool Transposed => true;
    }

    /// <summary>Qubit 1 without qubit 0: the quad's two registers already hold the gate's two values.</summary>
    internal readonly struct LowOne : ILowTwoLayout
    {
        public static bool BothLow => false;

        public static bool Transposed => false;
    }

    private readonly struct Avx2LowTwoRun<TL>(DenseKernel kernel) : IRunKernel
        where TL : struct, ILowTwoLayout
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyAvx2LowTwo<TL>(amplitudes, firstBase, count, mask);
    }
}
