using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Qdc.Simulation.Kernels;

/// <summary>
/// A two-qubit block on qubits 2 and up that, up to the order of its rows, is two 2×2 blocks: rxx,
/// or a dense one-qubit gate fused with diagonals, cx or swaps on the same pair. Its columns fall
/// into two pairs, each the support of two rows, so each output takes two terms instead of four
/// (the others would add exact zeros), as complex multiply-adds like the one-qubit kernel's (P + i·Q
/// sums would take a quarter more FMAs): the cost of a one-qubit gate, so one-qubit gates can
/// merge into their neighbours for less than the sweeps they replace. The scalar twin does the
/// same multiply-adds, so the bits are the same. It runs on AVX2 on AVX-512 machines too: the
/// AVX-512 dense kernel sums all four terms as separate real and imaginary sums, which rounds
/// differently.
/// </summary>
internal sealed unsafe partial class DenseKernel
{
    // Rows and columns by slot: slots 0, 1 read columns 0, 1 and slots 2, 3 columns 2, 3 of _pairColumns; or null.
    private readonly int[]? _pairRows, _pairColumns;
    // Per slot and term, the entry as ComplexOps.Re and ComplexOps.Im vectors: (re, im) at 16·(2·slot + term), 64-byte aligned.
    private readonly (double[] Array, int At) _pairMatrix;

    /// <summary>Runs as two terms per output (AVX2 and scalar).</summary>
    internal bool TwoTerm => _pairRows is not null;

    /// <summary>
    /// The rows (by slot) and the column pairs (each ascending) when the 4×4 matrix is two 2×2 blocks
    /// up to row and column order, else null.
    /// </summary>
    internal static (int[] Rows, int[] Columns)? PairBlocks(Complex[] matrix)
    {
        if (matrix.Length != 16)
        {
            return null;
        }
        // Columns linked by a row that reads both; a row reading three or more makes the block dense.
        var group = new int[] { 0, 1, 2, 3 };
        for (int r = 0; r < 4; r++)
        {
            var support = Enumerable.Range(0, 4).Where(c => matrix[(r * 4) + c] != Complex.Zero).ToArray();
            if (support.Length > 2)
            {
                return null;
            }
            if (support.Length == 2)
            {
                int from = group[support[1]], to = group[support[0]];
                for (int c = 0; c < 4; c++)
                {
                    group[c] = group[c] == from ? to : group[c];
                }
            }
        }
        var parts = Enumerable.Range(0, 4).GroupBy(c => group[c]).Select(g => g.ToArray()).ToList();
        if (parts.Any(p => p.Length > 2))
        {
            return null;
        }
        // Lone columns (rows with one entry) pair up with each other.
        int[] columns = [.. parts.Where(p => p.Length == 2).SelectMany(p => p), .. parts.Where(p => p.Length == 1).SelectMany(p => p)];
        (columns[0], columns[1]) = (Math.Min(columns[0], columns[1]), Math.Max(columns[0], columns[1]));
        (columns[2], columns[3]) = (Math.Min(columns[2], columns[3]), Math.Max(columns[2], columns[3]));
        bool inFirst(int r, int c) => matrix[(r * 4) + c] == Complex.Zero || c == columns[0] || c == columns[1];
        var first = Enumerable.Range(0, 4).Where(r => Enumerable.Range(0, 4).All(c => inFirst(r, c))).ToArray();
        var second = Enumerable.Range(0, 4).Except(first).ToArray();
        if (first.Length != 2)
        {
            return null;
        }
        return ([.. first, .. second], columns);
    }

    private (double[] Array, int At) PairMatrix()
    {
        var (a, at) = Aligned(8 * 8);
        for (int s = 0; s < 4; s++)
        {
            for (int t = 0; t < 2; t++)
            {
                ComplexOps.Re(Entry(s, t)).CopyTo(a, at + (16 * s) + (8 * t));
                ComplexOps.Im(Entry(s, t)).CopyTo(a, at + (16 * s) + (8 * t) + 4);
            }
        }
        return (a, at);
    }

    // The entry of slot s (a row) for its block's column t.
    private Complex Entry(int s, int t) => _matrix[(_pairRows![s] * 4) + _pairColumns![(s & 2) + t]];

    /// <summary>
    /// Per base all eight input vectors are loaded before any output is stored (a block's outputs may
    /// be the other block's inputs). Bases (four amplitudes each) are consecutive up to the gate's
    /// lowest qubit: a plain index within such runs, since stepping base by base chains dependent operations.
    /// </summary>
    private void ApplyAvx2Pairs(double* amplitudes, long b, long count, long mask)
    {
        fixed (double* matrixArray = _pairMatrix.Array)
        {
            double* m = matrixArray + _pairMatrix.At;
            var (cols, rows) = (_pairColumns!, _pairRows!);
            long i0 = 2 * _vectorOffsets[cols[0]], i1 = 2 * _vectorOffsets[cols[1]], i2 = 2 * _vectorOffsets[cols[2]], i3 = 2 * _vectorOffsets[cols[3]];
            long o0 = 2 * _vectorOffsets[rows[0]], o1 = 2 * _vectorOffsets[rows[1]], o2 = 2 * _vectorOffsets[rows[2]], o3 = 2 * _vectorOffsets[rows[3]];
            long high = mask & ~3L, run = high & -high;
            for (long n = 0; n < count;)
            {
                long length = Math.Min(count - n, (run - (b & (run - 1))) >> 2);
                double* start = amplitudes + (2 * b);
                for (long i = 0; i < 8 * length; i += 4)
                {
                    // One half (two amplitudes) of each of the base's four vectors at a time.
                    double* p = start + i;
                    var a = Avx.LoadVector256(p + i0);
                    var c = Avx.LoadVector256(p + i1);
                    var e = Avx.LoadVector256(p + i2);
                    var g = Avx.LoadVector256(p + i3);
                    var (sa, sc, se, sg) = (ComplexOps.Swap(a), ComplexOps.Swap(c), ComplexOps.Swap(e), ComplexOps.Swap(g));
                    Avx.Store(p + o0, Output(m, a, sa, c, sc));
                    Avx.Store(p + o1, Output(m + 16, a, sa, c, sc));
                    Avx.Store(p + o2, Output(m + 32, e, se, g, sg));
                    Avx.Store(p + o3, Output(m + 48, e, se, g, sg));
                }
                n += length;
                b = Sweep.Next(b + (4 * length) - 4, mask);
            }
        }
    }

    /// <summary>m₀·x + m₁·y, the entries' vectors at <paramref name="m"/> (re, im, re, im).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Output(double* m, Vector256<double> x, Vector256<double> sx, Vector256<double> y, Vector256<double> sy) =>
        ComplexOps.MulAdd(Avx.LoadVector256(m + 8), Avx.LoadVector256(m + 12), y, sy, ComplexOps.Mul(Avx.LoadVector256(m), Avx.LoadVector256(m + 4), x, sx));

    /// <summary>The scalar twin of <see cref="ApplyAvx2Pairs"/>.</summary>
    private void ApplyScalarPairs(double* amplitudes, long b, long count, long mask)
    {
        var (cols, rows) = (_pairColumns!, _pairRows!);
        var v = stackalloc double[8];
        for (long n = 0; n < count; n++)
        {
            double* p = amplitudes + (2 * b);
            for (int c = 0; c < 4; c++)
            {
                v[2 * c] = p[2 * _offsets[cols[c]]];
                v[(2 * c) + 1] = p[(2 * _offsets[cols[c]]) + 1];
            }
            for (int s = 0; s < 4; s++)
            {
                int x = s & 2;
                ComplexOps.Mul(Entry(s, 0), v[2 * x], v[(2 * x) + 1], out var re, out var im);
                ComplexOps.MulAdd(Entry(s, 1), v[(2 * x) + 2], v[(2 * x) + 3], ref re, ref im);
                p[2 * _offsets[rows[s]]] = re;
                p[(2 * _offsets[rows[s]]) + 1] = im;
            }
            b = Sweep.Next(b, mask);
        }
    }

    private readonly struct Avx2PairsRun(DenseKernel kernel) : IRunKernel
    {
        public void Apply(double* amplitudes, long firstBase, long count, long mask) =>
            kernel.ApplyAvx2Pairs(amplitudes, firstBase, count, mask);
    }
}
