using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The partitioner's view of a data center: one block per QPU with its data qubits as capacity,
/// and a net's cost the links of the minimal Steiner tree over the QPUs it spans (popcount − 1 on
/// an all-to-all network), which is the ebits a cat-entangled run needs there.
/// </summary>
public sealed class TopologyBlockCost(TopologyMetrics metrics) : IBlockCost
{
    public int BlockCount => metrics.QpuCount;

    public long Capacity(int block) => metrics.Topology.Qpus[block].DataQubits;

    public int SpanCost(ulong blockMask) => metrics.SteinerCost(blockMask);

    /// <summary>Every net then costs popcount − 1, so the partitioner may take its km1 fast path.</summary>
    internal bool IsAllToAll => metrics.IsAllToAll;
}
