using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>The dense kernel's AVX2 paths, for machines without AVX-512 and for two-qubit blocks on any.</summary>
internal sealed unsafe partial class DenseKernel
{
    /// <summary>
    /// The AVX2 form of <see cref="ApplyVectors{TQ, TV}"/>. A quad there is two registers, so its
    /// sixteen sums would need 32 of AVX2's 16: the JIT spills them and the kernel ran at a fifth
    /// of FMA peak. Here each half of the quads (lanes 0–1, then 2–3) is done on its own, two rows
    /// of two bases at a time: eight sums and three operands fit. Rows come in powers of two; the
    /// one-row block (qubits 0 and 1 alone) goes to <see cref="ApplyAvx2Wide"/>. Every double
    /// still sees the same multiply-adds in the same order, so the bits equal the other paths'.
    /// </summary>
    private void ApplyAvx2(double* amplitudes, long b, long count, long mask)
    {
        int vectors = _vectors, terms = _terms;
        var bufA = stackalloc Quad256.Pair[terms];
        var bufB = stackalloc Quad256.Pair[terms];
        var sign = Vector256.Create(-1.0, 1, -1, 1);
        fixed (double* reArray = _re, imArray = _im)
        fixed (long* off = _vectorOffsets)
        fixed (int* xors = _xors)
        {
            double* re = reArray + _reAt, im = imArray + _imAt;
            double* xa = (double*)bufA, xb = (double*)bufB;
            for (long n = 0; n < count; n += 2)
            {
                double* pa = amplitudes + (2 * b);
                b = Sweep.Next(b, mask);
                double* pb = n + 1 < count ? amplitudes + (2 * b) : pa;
                Gather<Quad256, Quad256.Pair>(pa, bufA, off, xors);
                Gather<Quad256, Quad256.Pair>(pb, bufB, off, xors);
                for (int half = 0; half < 8; half += 4)
                {
                    for (int i = 0; i < vectors; i += 2)
                    {
                        double* r0 = re + (i * terms * 8) + half, m0 = im + (i * terms * 8) + half;
                        double* r1 = r0 + (terms * 8), m1 = m0 + (terms * 8);
                        Vector256<double> p0 = default, p1 = default, q0 = default, q1 = default;
                        Vector256<double> s0 = default, s1 = default, t0 = default, t1 = default;
                        for (int c = 0; c < terms; c++)
                        {
                            int e = c * 8;
                            var va = Avx.LoadVector256(xa + e + half);
                            var vb = Avx.LoadVector256(xb + e + half);
                            var m = Avx.LoadVector256(r0 + e);
                            p0 = Fma.MultiplyAdd(m, va, p0);
                            s0 = Fma.MultiplyAdd(m, vb, s0);
                            m = Avx.LoadVector256(m0 + e);
                            q0 = Fma.MultiplyAdd(m, va, q0);
                            t0 = Fma.MultiplyAdd(m, vb, t0);
                            m = Avx.LoadVector256(r1 + e);
                            p1 = Fma.MultiplyAdd(m, va, p1);
                            s1 = Fma.MultiplyAdd(m, vb, s1);
                            m = Avx.LoadVector256(m1 + e);
                            q1 = Fma.MultiplyAdd(m, va, q1);
                            t1 = Fma.MultiplyAdd(m, vb, t1);
                        }
                        Avx.Store(pa + (2 * off[i]) + half, Fma.MultiplyAdd(sign, Avx.Permute(q0, 0b0101), p0));
                        Avx.Store(pa + (2 * off[i + 1]) + half, Fma.MultiplyAdd(sign, Avx.Permute(q1, 0b0101), p1));
                        Avx.Store(pb + (2 * off[i]) + half, Fma.MultiplyAdd(sign, Avx.Permute(t0, 0b0101), s0));
                        Avx.Store(pb + (2 * off[i + 1]) + half, Fma.MultiplyAdd(sign, Avx.Permute(t1, 0b0101), s1));
                    }
                }
                b = Sweep.Next(b, mask);
            }
        }
    }

    /// <summary>
    /// <see cref="ApplyAvx2"/> for blocks whose matrix vectors do not fit L1 beside the state:
    /// one row of four bases at a time, so each matrix vector is loaded once per four bases.
    /// </summary>
    private void ApplyAvx2Wide(double* amplitudes, long b, long count, long mask)
    {
        int vectors = _vectors, terms = _terms;
        var buf = stackalloc Quad256.Pair[4 * terms];
        var sign = Vector256.Create(-1.0, 1, -1, 1);
        fixed (double* reArray = _re, imArray = _im)
        fixed (long* off = _vectorOffsets)
        fixed (int* xors = _xors)
        {
            double* re = reArray + _reAt, im = imArray + _imAt;
            double* xa = (double*)buf, xb = xa + (terms * 8), xc = xb + (terms * 8), xd = xc + (terms * 8);
            for (long n = 0; n < count; n += 4)
            {
                // Missing last bases repeat the one before: the same inputs, so their stores write the same values.
                double* pa = amplitudes + (2 * b);
                double* pb = pa, pc = pa, pd = pa;
                if (n + 1 < count)
                {
                    b = Sweep.Next(b, mask);
                    pb = pc = pd = amplitudes + (2 * b);
                }
                if (n + 2 < count)
                {
                    b = Sweep.Next(b, mask);
                    pc = pd = amplitudes + (2 * b);
                }
                if (n + 3 < count)
                {
                    b = Sweep.Next(b, mask);
                    pd = amplitudes + (2 * b);
                }
                Gather<Quad256, Quad256.Pair>(pa, buf, off, xors);
                Gather<Quad256, Quad256.Pair>(pb, buf + terms, off, xors);
                Gather<Quad256, Quad256.Pair>(pc, buf + (2 * terms), off, xors);
                Gather<Quad256, Quad256.Pair>(pd, buf + (3 * terms), off, xors);
                for (int half = 0; half < 8; half += 4)
                {
                    for (int i = 0; i < vectors; i++)
                    {
                        double* r0 = re + (i * terms * 8) + half, m0 = im + (i * terms * 8) + half;
                        Vector256<double> p0 = default, p1 = default, p2 = default, p3 = default;
                        Vector256<double> q0 = default, q1 = default, q2 = default, q3 = default;
                        for (int c = 0; c < terms; c++)
                        {
                            int e = (c * 8) + half;
                            var mr = Avx.LoadVector256(r0 + (c * 8));
                            var mi = Avx.LoadVector256(m0 + (c * 8));
                            var v = Avx.LoadVector256(xa + e);
                            p0 = Fma.MultiplyAdd(mr, v, p0);
                            q0 = Fma.MultiplyAdd(mi, v, q0);
                            v = Avx.LoadVector256(xb + e);
                            p1 = Fma.MultiplyAdd(mr, v, p1);
                            q1 = Fma.MultiplyAdd(mi, v, q1);
                            v = Avx.LoadVector256(xc + e);
                            p2 = Fma.MultiplyAdd(mr, v, p2);
                            q2 = Fma.MultiplyAdd(mi, v, q2);
                            v = Avx.LoadVector256(xd + e);
                            p3 = Fma.MultiplyAdd(mr, v, p3);
                            q3 = Fma.MultiplyAdd(mi, v, q3);
                        }
                        long o = (2 * off[i]) + half;
                        Avx.Store(pa + o, Fma.MultiplyAdd(sign, Avx.Permute(q0, 0b0101), p0));
                        Avx.Store(pb + o, Fma.MultiplyAdd(sign, Avx.Permute(q1, 0b0101), p1));
                        Avx.Store(pc + o, Fma.MultiplyAdd(sign, Avx.Permute(q2, 0b0101), p2));
                        Avx.Store(pd + o, Fma.MultiplyAdd(sign, Avx.Permute(q3, 0b0101), p3));
                    }
                }
                b = Sweep.Next(b, mask);
            }
        }
    }

    /// <summary>
    /// <see cref="ApplyAvx2"/> for a two-qubit block on qubits 2 and up, the commonest dense block
    /// after cost-aware fusion: the four input vectors stay in eight registers, so there is no
    /// gather copy, and with no gate qubit inside the vector every lane of a matrix vector holds the
    /// same entry, so one load serves both halves. Same multiply-adds in the same order.
    /// </summary>
    private void ApplyAvx2Two(double* amplitudes, long b, long count, long mask)
    {
        var sign = Vector256.Create(-1.0, 1, -1, 1);
        fixed (double* reArray = _re, imArray = _im)
        {
            double* re = reArray + _reAt, im = imArray + _imAt;
            long o0 = 2 * _vectorOffsets[0], o1 = 2 * _vectorOffsets[1], o2 = 2 * _vectorOffsets[2], o3 = 2 * _vectorOffsets[3];
            long* outputs = stackalloc long[] { o0, o1, o2, o3 };
            for (long n = 0; n < count; n++)
            {
                double* p = amplitudes + (2 * b);
                var a0 = Avx.LoadVector256(p + o0);
                var a1 = Avx.LoadVector256(p + o0 + 4);
                var b0 = Avx.LoadVector256(p + o1);
                var b1 = Avx.LoadVector256(p + o1 + 4);
                var c0 = Avx.LoadVector256(p + o2);
                var c1 = Avx.LoadVector256(p + o2 + 4);
                var d0 = Avx.LoadVector256(p + o3);
                var d1 = Avx.LoadVector256(p + o3 + 4);
                for (int i = 0; i < 4; i++)
                {
                    Row(re + (i * 32), im + (i * 32), a0, b0, c0, d0, a1, b1, c1, d1, sign, out var u, out var v);
                    long o = outputs[i];
                    Avx.Store(p + o, u);
                    Avx.Store(p + o + 4, v);
                }
                b = Sweep.Next(b, mask);
            }
        }
    }

    private readonly struct Avx2Run(DenseKernel kernel) : IRunKernel
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyAvx2(amplitudes, firstBase, count, mask);
    }

    private readonly struct Avx2TwoRun(DenseKernel kernel) : IRunKernel
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyAvx2Two(amplitudes, firstBase, count, mask);
    }

    private readonly struct Avx2WideRun(DenseKernel kernel) : IRunKernel
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyAvx2Wide(amplitudes, firstBase, count, mask);
    }
}
