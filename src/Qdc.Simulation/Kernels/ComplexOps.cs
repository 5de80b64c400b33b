using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// Complex multiply on interleaved (re, im) doubles, as AVX vectors of two amplitudes and as
/// scalars. Both forms do the same IEEE operations in the same order and never fuse a multiply
/// into an add, so the vector and scalar paths (and machines with or without FMA) agree bit for bit.
/// </summary>
internal static class ComplexOps
{
    /// <summary>m·a for each of the two complex lanes; <paramref name="re"/> and <paramref name="im"/> come from <see cref="Re(Complex, Complex)"/> and <see cref="Im(Complex, Complex)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Mul(Vector256<double> re, Vector256<double> im, Vector256<double> a) =>
        Avx.Add(Avx.Multiply(re, a), Avx.Multiply(im, Avx.Permute(a, 0b0101)));

    public static Vector256<double> Re(Complex m) => Vector256.Create(m.Real);

    public static Vector256<double> Im(Complex m) => Vector256.Create(-m.Imaginary, m.Imaginary, -m.Imaginary, m.Imaginary);

    public static Vector256<double> Re(Complex lo, Complex hi) => Vector256.Create(lo.Real, lo.Real, hi.Real, hi.Real);

    public static Vector256<double> Im(Complex lo, Complex hi) => Vector256.Create(-lo.Imaginary, lo.Imaginary, -hi.Imaginary, hi.Imaginary);

    /// <summary>The scalar twin of <see cref="Mul(Vector256{double}, Vector256{double}, Vector256{double})"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Mul(Complex m, double ar, double ai, out double re, out double im)
    {
        double mr = m.Real, mi = m.Imaginary;
        re = (mr * ar) + (-mi * ai);
        im = (mr * ai) + (mi * ar);
    }

    public static bool UseAvx => Avx.IsSupported;
}
