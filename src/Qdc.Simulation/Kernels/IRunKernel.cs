namespace Qdc.Simulation.Kernels;

/// <summary>
/// A gate kernel applied to a run of <c>length</c> consecutive base indices starting at
/// <c>baseIndex</c>; a base index has every bit of the gate's qubits clear.
/// </summary>
internal unsafe interface IRunKernel
{
    void Apply(double* amplitudes, long baseIndex, long length);
}
