using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// Complex multiply-accumulate on interleaved (re, im) doubles, as AVX vectors of two amplitudes
/// and as scalars. Both forms do the same fused multiply-adds in the same order (the scalar form
/// through Math.FusedMultiplyAdd, which rounds once on every platform), so the vector and scalar
/// paths agree bit for bit and output does not depend on the machine.
/// </summary>
internal static class ComplexOps
{
    /// <summary>The vector kernels need AVX and FMA; anything else takes the scalar twins.</summary>
    public static bool UseAvx { get; internal set; } = Avx.IsSupported && Fma.IsSupported;

    /// <summary>(a.im, a.re) per lane: computed once per amplitude vector, reused for every matrix entry.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Swap(Vector256<double> a) => Avx.Permute(a, 0b0101);

    /// <summary>m·a per lane, with <paramref name="re"/>, <paramref name="im"/> from <see cref="Re(Complex, Complex)"/>, <see cref="Im(Complex, Complex)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Mul(Vector256<double> re, Vector256<double> im, Vector256<double> a, Vector256<double> swapped) =>
        Fma.MultiplyAdd(re, a, Avx.Multiply(im, swapped));

    /// <summary>acc + m·a per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MulAdd(Vector256<double> re, Vector256<double> im, Vector256<double> a, Vector256<double> swapped, Vector256<double> acc) =>
        Fma.MultiplyAdd(re, a, Fma.MultiplyAdd(im, swapped, acc));

    public static Vector256<double> Re(Complex m) => Vector256.Create(m.Real);

    public static Vector256<double> Im(Complex m) => Vector256.Create(-m.Imaginary, m.Imaginary, -m.Imaginary, m.Imaginary);

    public static Vector256<double> Re(Complex lo, Complex hi) => Vector256.Create(lo.Real, lo.Real, hi.Real, hi.Real);

    public static Vector256<double> Im(Complex lo, Complex hi) => Vector256.Create(-lo.Imaginary, lo.Imaginary, -hi.Imaginary, hi.Imaginary);

    /// <summary>The scalar twin of <see cref="Mul(Vector256{double}, Vector256{double}, Vector256{double}, Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(Complex m, double ar, double ai, out double re, out double im)
    {
        re = Math.FusedMultiplyAdd(m.Real, ar, -m.Imaginary * ai);
        im = Math.FusedMultiplyAdd(m.Real, ai, m.Imaginary * ar);
    }

    /// <summary>The scalar twin of <see cref="MulAdd"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void MulAdd(Complex m, double ar, double ai, ref double re, ref double im)
    {
        re = Math.FusedMultiplyAdd(m.Real, ar, Math.FusedMultiplyAdd(-m.Imaginary, ai, re));
        im = Math.FusedMultiplyAdd(m.Real, ai, Math.FusedMultiplyAdd(m.Imaginary, ar, im));
    }
}
