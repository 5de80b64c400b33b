using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>Four amplitudes in two AVX2 registers: qubit 1 clear in <see cref="Pair.Lo"/>, set in <see cref="Pair.Hi"/>.</summary>
internal readonly unsafe struct Quad256 : IQuad<Quad256.Pair>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair Load(double* p) => new(Avx.LoadVector256(p), Avx.LoadVector256(p + 4));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Pair v, double* p)
    {
        Avx.Store(p, v.Lo);
        Avx.Store(p + 4, v.Hi);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair MulAdd(Pair a, Pair b, Pair c) => new(Fma.MultiplyAdd(a.Lo, b.Lo, c.Lo), Fma.MultiplyAdd(a.Hi, b.Hi, c.Hi));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair Xor(Pair v, int t) => t switch
    {
        0 => v,
        1 => new(Avx2.Permute4x64(v.Lo, 0b01001110), Avx2.Permute4x64(v.Hi, 0b01001110)),
        2 => new(v.Hi, v.Lo),
        _ => new(Avx2.Permute4x64(v.Hi, 0b01001110), Avx2.Permute4x64(v.Lo, 0b01001110)),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Pair Combine(Pair p, Pair q)
    {
        var sign = Vector256.Create(-1.0, 1, -1, 1);
        return new(Fma.MultiplyAdd(sign, Avx.Permute(q.Lo, 0b0101), p.Lo), Fma.MultiplyAdd(sign, Avx.Permute(q.Hi, 0b0101), p.Hi));
    }

    // Lo then Hi in memory: the dense kernel's AVX2 path reads a buffer of pairs as doubles.
    [StructLayout(LayoutKind.Sequential)]
    internal readonly record struct Pair(Vector256<double> Lo, Vector256<double> Hi);
}
