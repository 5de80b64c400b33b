namespace Qdc.Simulation.Kernels;

/// <summary>
/// Operations on four consecutive amplitudes (the values of qubits 0 and 1) as interleaved
/// (re, im) doubles of type <typeparamref name="TV"/>: one AVX-512 register or two AVX2 ones. Both
/// forms do the same operations per double, so the dense kernel gives the same bits on either.
/// </summary>
internal unsafe interface IQuad<TV>
    where TV : unmanaged
{
    static abstract TV Load(double* p);

    static abstract void Store(TV v, double* p);

    /// <summary>a·b + c per double, rounded once.</summary>
    static abstract TV MulAdd(TV a, TV b, TV c);

    /// <summary>Lane l takes lane l ^ <paramref name="t"/> (t in 0–3).</summary>
    static abstract TV Xor(TV v, int t);

    /// <summary>(p.re − q.im, p.im + q.re) per lane: p + i·q.</summary>
    static abstract TV Combine(TV p, TV q);
}
