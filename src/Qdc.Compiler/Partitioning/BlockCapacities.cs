namespace Qdc.Compiler.Partitioning;

/// <summary>Ways to choose per-block capacities.</summary>
public static class BlockCapacities
{
    /// <summary>The most blocks a partition may have: block sets are 64-bit masks.</summary>
    public const int MaxBlocks = 64;

    /// <summary>hMETIS/KaHyPar balance: each block at most (1+ε)·⌈W/k⌉.</summary>
    public static long[] FromEpsilon(long totalWeight, int k, double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(epsilon);
        long perfect = (totalWeight + k - 1) / k;
        long cap = (long)Math.Floor((1 + epsilon) * perfect + 1e-9);
        return Enumerable.Repeat(cap, k).ToArray();
    }

    /// <summary>The circuit setting: k QPUs of ⌊n/k⌋+1 qubits each.</summary>
    public static long[] QubitsPlusOne(int qubits, int k) =>
        Enumerable.Repeat((long)(qubits / k) + 1, k).ToArray();

    internal static void Check(IReadOnlyList<long> capacities)
    {
        if (capacities.Count is < 1 or > MaxBlocks)
        {
            throw new ArgumentException($"between 1 and {MaxBlocks} blocks, not {capacities.Count}", nameof(capacities));
        }
        if (capacities.Any(c => c < 0))
        {
            throw new ArgumentException("capacities must not be negative", nameof(capacities));
        }
    }
}
