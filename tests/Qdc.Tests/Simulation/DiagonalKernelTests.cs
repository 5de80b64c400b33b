using Qdc.Circuits.Gates;
using Qdc.Simulation;
using Qdc.Simulation.Kernels;

namespace Qdc.Tests.Simulation;

/// <summary>
/// The diagonal kernel's two loop orders (every group per run of bases, for gates whose qubits above
/// bit 0 start at 5 or higher; one group at a time otherwise) against the dense product and each other.
/// </summary>
[Collection(SimulationSwitches.Name)]
public class DiagonalKernelTests
{
    public static TheoryData<int[]> Placements() =>
    [
        [5], [7], [11], [0, 5], [5, 6], [6, 11], [0, 8, 9], [5, 9, 11], [0, 5, 6, 10], [1, 8], [4, 9], [0, 3],
    ];

    [Theory]
    [MemberData(nameof(Placements))]
    public void BothLoopOrdersMatchTheDenseProductBitForBit(int[] qubits)
    {
        const int n = 12;
        var rng = new Random(qubits.Sum() * 31 + qubits.Length);
        int d = 1 << qubits.Length;
        var m = new System.Numerics.Complex[d * d];
        for (int i = 0; i < d; i++)
        {
            // Some factors exactly 1, so skipped groups are mixed with changed ones.
            m[(i * d) + i] = rng.Next(3) == 0 ? System.Numerics.Complex.One : System.Numerics.Complex.FromPolarCoordinates(1, rng.NextDouble() * 6);
        }
        var matrix = new GateMatrix(qubits.Length, m);
        var start = DenseReference.RandomState(n, rng);
        var expected = DenseReference.Apply(start, matrix, qubits, n);
        var interleaved = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        var grouped = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        try
        {
            DiagonalKernel.Interleave = true;
            interleaved.Apply(matrix, qubits);
            DiagonalKernel.Interleave = false;
            grouped.Apply(matrix, qubits);
        }
        finally
        {
            DiagonalKernel.Interleave = true;
        }
        Assert.True(DenseReference.MaxDistance(expected, interleaved.Amplitudes) < 1e-12);
        Assert.True(interleaved.Amplitudes.SequenceEqual(grouped.Amplitudes));
    }
}
