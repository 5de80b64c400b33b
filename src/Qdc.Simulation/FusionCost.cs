namespace Qdc.Simulation;

/// <summary>
/// What each kernel costs per amplitude of the state, so the fuser merges gates only where one
/// sweep of the merged block is cheaper than the sweeps it replaces. A dense block's arithmetic
/// doubles with each qubit while diagonal, controlled and swap kernels touch each amplitude at
/// most once, so merging a cz into a dense block that it widens, or two dense gates into four
/// qubits, costs more than it saves. Figures in ns, from <c>statevector --kernels</c> (one thread,
/// a 1 MiB chunk, AVX2); only their ratios matter.
/// </summary>
internal static class FusionCost
{
    private const double DiagonalFull = 0.41;
    private const double DensePair = 0.40;
    private const double DensePairLow = 0.61;
    private const double ControlledPerTouched = 0.24;
    private const double SwapPerTouched = 0.22;

    // A two-qubit block that is two 2×2 blocks: a one-qubit gate's flops, measured 1.2–1.35× its time.
    private const double TwoTerm = 0.52;

    // Dense k-qubit blocks by how many of qubits 0 and 1 they hold (those take lane permutations).
    private static readonly double[][] s_dense =
    [
        [],
        [],
        [0.84, 1.0, 1.0],
        [2.25, 2.5, 2.7],
        [4.1, 4.2, 4.2],
        [6.9, 7.1, 7.5],
    ];

    /// <summary>Price blocks that are two 2×2 blocks at the two-term kernel's cost, not a dense one's; off to measure what it changes.</summary>
    internal static bool TwoTermPriced { get; set; } = true;

    public static double Of(CompiledGate g)
    {
        int k = g.Qubits.Length;
        return g.KernelKind switch
        {
            GateKernelKind.Diagonal => DiagonalFull * g.DiagonalTouched,
            GateKernelKind.LowPair => DensePairLow,
            GateKernelKind.Pair => k == 1 ? DensePair : ControlledPerTouched * 2.0 / (1 << k),
            GateKernelKind.Swap => SwapPerTouched * 2.0 / (1 << k),
            _ => g.TwoTerm && TwoTermPriced ? TwoTerm : Dense(g.Qubits),
        };
    }

    /// <summary>A merged block of several gates: diagonal if all of them are, else dense on its qubits (two-term: see <see cref="Kernels.DenseKernel.PairBlocks"/>).</summary>
    public static double Block(IReadOnlyCollection<int> qubits, bool diagonal, bool twoTerm)
    {
        if (diagonal)
        {
            return DiagonalFull;
        }
        if (twoTerm)
        {
            return TwoTerm;
        }
        return qubits.Count == 1 ? (qubits.Contains(0) ? DensePairLow : DensePair) : Dense(qubits);
    }

    private static double Dense(IReadOnlyCollection<int> qubits)
    {
        int low = (qubits.Contains(0) ? 1 : 0) + (qubits.Contains(1) ? 1 : 0);
        int k = qubits.Count;
        // Past the table a block's arithmetic doubles with each qubit.
        return k < s_dense.Length ? s_dense[k][low] : s_dense[^1][low] * (1 << (k - s_dense.Length + 1));
    }
}
