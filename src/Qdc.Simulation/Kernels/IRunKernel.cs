namespace Qdc.Simulation.Kernels;

/// <summary>
/// A gate kernel over <c>count</c> consecutive base indices, the first being <c>firstBase</c>. A
/// base index has every bit of <c>mask</c> (the gate's qubits) clear; the next one is
/// ((b | mask) + 1) &amp; ~mask. When bit 0 is not in the mask, bases come in adjacent pairs that
/// one AVX vector covers.
/// </summary>
internal unsafe interface IRunKernel
{
    void Apply(double* amplitudes, long firstBase, long count, long mask);
}
