using System.Collections.Immutable;
using System.Numerics;

namespace Qdc.Compiler.Partitioning;

/// <summary>Every pair of blocks one hop apart: a net spanning λ blocks costs λ−1 (connectivity−1).</summary>
public sealed class AllToAllBlockCost : IBlockCost
{
    private readonly ImmutableArray<long> _capacities;

    public AllToAllBlockCost(IEnumerable<long> capacities)
    {
        _capacities = [.. capacities];
        BlockCapacities.Check(_capacities);
    }

    public int BlockCount => _capacities.Length;

    public long Capacity(int block) => _capacities[block];

    public int SpanCost(ulong blockMask) => blockMask == 0 ? 0 : BitOperations.PopCount(blockMask) - 1;
}
