using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>Four amplitudes in one AVX-512 register.</summary>
internal readonly unsafe struct Quad512 : IQuad<Vector512<double>>
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(double* p) => Avx512F.LoadVector512(p);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> v, double* p) => Avx512F.Store(p, v);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MulAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) => Avx512F.FusedMultiplyAdd(a, b, c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Xor(Vector512<double> v, int t) => t switch
    {
        0 => v,
        1 => Avx512F.Permute4x64(v, 0b01001110),
        2 => Avx512F.Shuffle4x128(v, v, 0b01001110),
        _ => Avx512F.Permute4x64(Avx512F.Shuffle4x128(v, v, 0b01001110), 0b01001110),
    };

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Combine(Vector512<double> p, Vector512<double> q) =>
        Avx512F.FusedMultiplyAdd(Vector512.Create(-1.0, 1, -1, 1, -1, 1, -1, 1), Avx512F.Permute2x64(q, 0b01010101), p);
}
