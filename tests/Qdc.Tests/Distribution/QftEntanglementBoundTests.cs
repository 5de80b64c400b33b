using System.Numerics;
using MathNet.Numerics.LinearAlgebra;

namespace Qdc.Tests.Distribution;

/// <summary>
/// A lower bound on the ebits of any exact distribution of a QFT (h and cp, no swaps), telegate,
/// teledata or otherwise. Applied to halves of maximally entangled pairs, U makes a state whose
/// Schmidt rank across the QPUs' cut is U's operator Schmidt rank; local operations and classical
/// messages cannot raise a Schmidt rank, and e ebits bring 2^e. So e ≥ log2(operator Schmidt rank).
/// For a cut after the first m qubits the circuit is (local)·(the cross cp gates)·(local), and the
/// cross gates are diagonal with the phase table of a Vandermonde matrix, so the rank is
/// 2^min(m, n − m): qft_n63 on two QPUs needs 31 ebits whatever the lowering. These tests check
/// that numerically for every cut of a small QFT, contiguous or not.
/// </summary>
public class QftEntanglementBoundTests
{
    /// <summary>
    /// The QFT's unitary, qubit q being bit q of the index, as qdc orders amplitudes, with every cp
    /// angle times an odd <paramref name="k"/>: the image of the QFT under a Galois automorphism of
    /// the cyclotomic field its entries lie in (up to the sign of √2 in each h), so every rank is
    /// the same as the QFT's own. The QFT's small Schmidt coefficients are real but far below
    /// double precision (its cross-cut phases are a Vandermonde matrix with clustered nodes); a
    /// conjugate with spread nodes shows the exact rank numerically.
    /// </summary>
    private static Complex[,] QftUnitary(int n, int k = 1)
    {
        int d = 1 << n;
        var u = new Complex[d, d];
        for (int column = 0; column < d; column++)
        {
            var state = new Complex[d];
            state[column] = 1;
            for (int i = 0; i < n; i++)
            {
                Hadamard(state, i);
                for (int j = i + 1; j < n; j++)
                {
                    var phase = Complex.FromPolarCoordinates(1, k * Math.PI / (1 << (j - i)));
                    int both = (1 << i) | (1 << j);
                    for (int x = 0; x < d; x++)
                    {
                        if ((x & both) == both)
                        {
                            state[x] *= phase;
                        }
                    }
                }
            }
            for (int row = 0; row < d; row++)
            {
                u[row, column] = state[row];
            }
        }
        return u;
    }

    private static void Hadamard(Complex[] state, int q)
    {
        double s = Math.Sqrt(0.5);
        for (int x = 0; x < state.Length; x++)
        {
            if ((x & (1 << q)) == 0)
            {
                var (a, b) = (state[x], state[x | (1 << q)]);
                (state[x], state[x | (1 << q)]) = (s * (a + b), s * (a - b));
            }
        }
    }

    /// <summary>Rank of U regrouped as (left output, left input) × (right output, right input).</summary>
    private static int OperatorSchmidtRank(Complex[,] u, int n, int leftMask)
    {
        int[] left = [.. Enumerable.Range(0, n).Where(q => ((leftMask >> q) & 1) == 1)];
        int[] right = [.. Enumerable.Range(0, n).Where(q => ((leftMask >> q) & 1) == 0)];
        int scatter(int bits, int[] qubits) => qubits.Select((q, k) => ((bits >> k) & 1) << q).Sum();
        int dl = 1 << left.Length, dr = 1 << right.Length;
        var m = Matrix<Complex>.Build.Dense(dl * dl, dr * dr, (r, c) =>
            u[scatter(r / dl, left) | scatter(c / dr, right), scatter(r % dl, left) | scatter(c % dr, right)]);
        return m.Rank();
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    public void EveryCutNeedsTheSmallerSidesQubitCountInEbits(int n)
    {
        // A numerical rank never exceeds the exact one, so the best over a few conjugates is a
        // lower bound; cuts and their complements are the same cut.
        int[] conjugates = [1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
        var unitaries = conjugates.Select(k => QftUnitary(n, k)).ToArray();
        for (int mask = 1; mask < 1 << (n - 1); mask++)
        {
            int size = System.Numerics.BitOperations.PopCount((uint)mask);
            int bound = 1 << Math.Min(size, n - size);
            int rank = 0;
            for (int c = 0; c < unitaries.Length && rank < bound; c++)
            {
                rank = Math.Max(rank, OperatorSchmidtRank(unitaries[c], n, mask));
            }
            Assert.True(rank >= bound, $"cut {Convert.ToString(mask, 2)}: rank {rank}");
        }
    }

    [Fact]
    public void AContiguousCutHasExactlyTheVandermondeRank()
    {
        // After the first m qubits: 2^min(m, n − m), so the bound is tight there and the
        // numerical rank is not merely large.
        const int n = 6;
        var u = QftUnitary(n);
        for (int m = 1; m < n; m++)
        {
            Assert.Equal(1 << Math.Min(m, n - m), OperatorSchmidtRank(u, n, (1 << m) - 1));
        }
    }

    [Fact]
    public void TwoSeparateHalvesNeedNone()
    {
        // The check can fail: dropping the cp gates that cross the middle cut leaves a product of
        // two halves, rank 1. So a published figure below the bound is of another circuit.
        const int n = 6, m = 3;
        var u = QftUnitary(n);
        var halves = new Complex[1 << n, 1 << n];
        var full = QftUnitary(m);
        for (int r = 0; r < 1 << n; r++)
        {
            for (int c = 0; c < 1 << n; c++)
            {
                halves[r, c] = full[r & 7, c & 7] * full[r >> m, c >> m];
            }
        }
        Assert.Equal(1, OperatorSchmidtRank(halves, n, (1 << m) - 1));
        Assert.True(OperatorSchmidtRank(u, n, (1 << m) - 1) > 1);
    }
}
