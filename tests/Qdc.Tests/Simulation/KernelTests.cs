using Qdc.Circuits.Gates;
using Qdc.Simulation;

namespace Qdc.Tests.Simulation;

/// <summary>Every kernel against a dense MathNet product, on low, high, adjacent and random qubits.</summary>
[Collection(SimulationSwitches.Name)]
public class KernelTests
{
    public static TheoryData<string> Gates() => [.. RandomCircuits.GateNames];

    [Theory]
    [MemberData(nameof(Gates))]
    public void GateMatchesDenseProductOnEveryPlacement(string name)
    {
        var rng = new Random(name.GetHashCode(StringComparison.Ordinal) & 0x7fff);
        int k = GateLibrary.Get(name).Qubits;
        for (int n = k; n <= 8; n++)
        {
            foreach (var qubits in Placements(n, k, rng))
            {
                CheckAgainstDense(RandomCircuits.RandomGate(name, rng), qubits, n, rng);
            }
        }
    }

    [Theory]
    [InlineData("x", 1)]
    [InlineData("x", 3)]
    [InlineData("h", 2)]
    [InlineData("u3", 1)]
    [InlineData("rz", 2)]
    [InlineData("p", 3)]
    [InlineData("swap", 1)]
    [InlineData("cx", 3)]
    [InlineData("rzz", 1)]
    [InlineData("ry", 4)]
    public void MultiControlledGatesMatchDenseProduct(string name, int controls)
    {
        var rng = new Random(controls * 31 + name.Length);
        int k = GateLibrary.Get(name).Qubits + controls;
        for (int n = k; n <= 8; n++)
        {
            foreach (var qubits in Placements(n, k, rng))
            {
                CheckAgainstDense(RandomCircuits.Controlled(name, controls, rng), qubits, n, rng);
            }
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void DenseMatricesMatchDenseProductOnEveryPlacement(int k)
    {
        var rng = new Random(100 + k);
        for (int n = k; n <= 8; n++)
        {
            foreach (var qubits in Placements(n, k, rng).Append([.. Enumerable.Range(0, k).Select(i => (i * 3) % n).Distinct()]).Where(q => q.Length == k))
            {
                CheckDenseMatrix(RandomMatrix(k, rng), qubits, n, rng);
            }
        }
    }

    /// <summary>
    /// Two-qubit blocks on qubit 0, qubit 1 or both (the in-vector kernels), in both operand orders
    /// with random other qubits: against the dense product, and bit for bit against the scalar twin.
    /// </summary>
    [Theory]
    [InlineData(0, -1)]
    [InlineData(-1, 0)]
    [InlineData(1, -1)]
    [InlineData(-1, 1)]
    [InlineData(0, 1)]
    [InlineData(1, 0)]
    public void DenseBlocksOnLowQubitsMatchDenseProduct(int first, int second)
    {
        var rng = new Random(300 + (first * 7) + second);
        bool both = first >= 0 && second >= 0;
        for (int n = both ? 2 : 3; n <= 8; n++)
        {
            for (int rep = 0; rep < 4; rep++)
            {
                // The other qubit is 2 or higher, so that one low qubit alone is in the gate.
                int other = 2 + rng.Next(n - 2);
                int[] qubits = [first >= 0 ? first : other, second >= 0 ? second : other];
                CheckDenseMatrix(RandomMatrix(2, rng), qubits, n, rng);
            }
        }
    }

    /// <summary>
    /// Two-qubit matrices that are two 2×2 blocks up to row and column order (the two-term kernel),
    /// some with zero entries so that rows read one column, on qubits 2 and up and on low qubits.
    /// </summary>
    [Fact]
    public void TwoBlockMatricesMatchDenseProduct()
    {
        var rng = new Random(404);
        for (int rep = 0; rep < 60; rep++)
        {
            int n = 4 + rng.Next(5);
            int[] qubits = rep % 4 == 3 ? RandomCircuits.RandomQubits(n, 2, rng) : [.. RandomCircuits.RandomQubits(n - 2, 2, rng).Select(q => q + 2)];
            var rows = Enumerable.Range(0, 4).OrderBy(_ => rng.Next()).ToArray();
            var columns = Enumerable.Range(0, 4).OrderBy(_ => rng.Next()).ToArray();
            var m = new System.Numerics.Complex[16];
            for (int s = 0; s < 4; s++)
            {
                for (int t = 0; t < 2; t++)
                {
                    // Zeros on a block's diagonal or off it, now and then.
                    bool zero = rep % 3 == 1 && (s + t + rep) % 2 == 0;
                    m[(rows[s] * 4) + columns[(s & 2) + t]] = zero ? 0 : new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
                }
            }
            var matrix = new GateMatrix(2, m);
            var compiled = CompiledGate.From(matrix, qubits);
            Assert.NotNull(Qdc.Simulation.Kernels.DenseKernel.PairBlocks(compiled.Matrix));
            // On qubits 2 and up a dense one runs on the two-term kernel (low qubits take the lane-permuting one).
            Assert.True(compiled.KernelKind != GateKernelKind.Dense || qubits.Contains(0) || qubits.Contains(1) || compiled.TwoTerm);
            CheckDenseMatrix(matrix, qubits, n, rng);
        }
    }

    [Fact]
    public void ParallelSweepsGiveBitIdenticalStates()
    {
        var rng = new Random(7);
        var circuit = RandomCircuits.Circuit(16, 40, rng);
        var one = Simulator.Run(circuit, new SimulationOptions { Threads = 1 }).State!;
        var two = Simulator.Run(circuit, new SimulationOptions { Threads = 2 }).State!;
        var three = Simulator.Run(circuit, new SimulationOptions { Threads = 3 }).State!;
        Assert.True(one.Amplitudes.SequenceEqual(two.Amplitudes));
        Assert.True(one.Amplitudes.SequenceEqual(three.Amplitudes));
    }

    /// <summary>AVX-512, AVX2 and scalar kernels agree bit for bit, so output does not depend on the machine.</summary>
    [Theory]
    [InlineData(9, 3)]
    [InlineData(10, 5)]
    [InlineData(7, 5)] // one base per 5-qubit block: the four-base AVX2 form repeats it
    [InlineData(8, 5)] // two bases
    public void ScalarFallbackIsBitIdenticalToTheVectorKernels(int n, int fusion)
    {
        if (!Qdc.Simulation.Kernels.ComplexOps.UseAvx)
        {
            return; // nothing to compare against on this machine
        }
        var rng = new Random(21 + fusion);
        var circuit = RandomCircuits.Circuit(n, 150, rng);
        var options = new SimulationOptions { FusionMaxQubits = fusion, Threads = 1 };
        var vector = Simulator.Run(circuit, options).State!;
        bool wide = Qdc.Simulation.Kernels.DenseKernel.UseAvx512;
        StateVector avx2, scalar, twoQubitsWide;
        try
        {
            // Two-qubit blocks on the AVX-512 kernel (where there is one; the default runs them on AVX2's).
            Qdc.Simulation.Kernels.DenseKernel.TwoQubitsOnAvx2 = false;
            twoQubitsWide = Simulator.Run(circuit, options).State!;
            Qdc.Simulation.Kernels.DenseKernel.TwoQubitsOnAvx2 = true;
            Qdc.Simulation.Kernels.DenseKernel.UseAvx512 = false;
            avx2 = Simulator.Run(circuit, options).State!;
            Qdc.Simulation.Kernels.ComplexOps.UseAvx = false;
            scalar = Simulator.Run(circuit, options).State!;
        }
        finally
        {
            Qdc.Simulation.Kernels.ComplexOps.UseAvx = true;
            Qdc.Simulation.Kernels.DenseKernel.UseAvx512 = wide;
            Qdc.Simulation.Kernels.DenseKernel.TwoQubitsOnAvx2 = true;
        }
        Assert.True(vector.Amplitudes.SequenceEqual(twoQubitsWide.Amplitudes));
        Assert.True(vector.Amplitudes.SequenceEqual(avx2.Amplitudes));
        Assert.True(vector.Amplitudes.SequenceEqual(scalar.Amplitudes));
    }

    private static GateMatrix RandomMatrix(int k, Random rng)
    {
        int d = 1 << k;
        var m = new System.Numerics.Complex[d * d];
        for (int e = 0; e < m.Length; e++)
        {
            m[e] = new System.Numerics.Complex(rng.NextDouble() - 0.5, rng.NextDouble() - 0.5);
        }
        return new GateMatrix(k, m);
    }

    /// <summary>The dense product to 1e-12, and the same bits with the vector kernels off.</summary>
    private static void CheckDenseMatrix(GateMatrix matrix, int[] qubits, int n, Random rng)
    {
        var start = DenseReference.RandomState(n, rng);
        var expected = DenseReference.Apply(start, matrix, qubits, n);
        var state = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        state.Apply(matrix, qubits);
        double dist = DenseReference.MaxDistance(expected, state.Amplitudes);
        Assert.True(dist < 1e-12, $"{matrix.Qubits}-qubit matrix on [{string.Join(", ", qubits)}] of {n} qubits: distance {dist}");
        if (!Qdc.Simulation.Kernels.ComplexOps.UseAvx)
        {
            return;
        }
        var scalar = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        try
        {
            Qdc.Simulation.Kernels.ComplexOps.UseAvx = false;
            scalar.Apply(matrix, qubits);
        }
        finally
        {
            Qdc.Simulation.Kernels.ComplexOps.UseAvx = true;
        }
        Assert.True(state.Amplitudes.SequenceEqual(scalar.Amplitudes), $"vector and scalar kernels differ on [{string.Join(", ", qubits)}] of {n} qubits");
    }

    private static void CheckAgainstDense(Gate gate, int[] qubits, int n, Random rng)
    {
        var start = DenseReference.RandomState(n, rng);
        var expected = DenseReference.Apply(start, gate.Matrix, qubits, n);
        var state = StateVector.FromAmplitudes(start.ToArray(), threads: 1);
        state.Apply(gate, qubits);
        double d = DenseReference.MaxDistance(expected, state.Amplitudes);
        Assert.True(d < 1e-12, $"{gate} on [{string.Join(", ", qubits)}] of {n} qubits: distance {d}");
    }

    /// <summary>Low bits, high bits, adjacent bits in both orders, and a few random placements.</summary>
    private static IEnumerable<int[]> Placements(int n, int k, Random rng)
    {
        yield return [.. Enumerable.Range(0, k)];
        yield return [.. Enumerable.Range(0, k).Reverse()];
        yield return [.. Enumerable.Range(n - k, k)];
        yield return [.. Enumerable.Range(n - k, k).Reverse()];
        for (int i = 0; i < 3; i++)
        {
            yield return RandomCircuits.RandomQubits(n, k, rng);
        }
    }
}
