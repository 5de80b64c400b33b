using System.Collections.Immutable;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// A partition: the block of every vertex, its objective under the block cost (the ebits of a
/// telegate-only distribution for a circuit hypergraph), the plain km1 and cut, and block loads.
/// <see cref="IsFeasible"/> is false when the vertex weights could not be fitted into the capacities.
/// </summary>
public sealed record PartitionResult(
    bool IsFeasible,
    ImmutableArray<int> BlockOf,
    long Objective,
    long Km1,
    long Cut,
    ImmutableArray<long> BlockWeights)
{
    public static PartitionResult Infeasible(int k) => new(false, [], 0, 0, 0, [.. new long[k]]);
}
