using Qdc.Compiler.Partitioning;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// The lowering phase's one entry: turns a placement into a distributed program. Every run of
/// two-qubit gates that spans several QPUs becomes a telegate: the qubit is cat-entangled to each
/// QPU that executes gates of the run (relayed along a Steiner tree when QPUs share no link), the
/// gates act on the copies there, and the copies are cat-disentangled. One pair per tree link
/// serves the whole run, so on any topology the pairs consumed equal the partitioner's objective.
/// With <see cref="DistributionStrategy.Auto"/>, a qubit whose consecutive runs all go to one
/// other QPU is teleported there and back instead, when that takes fewer pairs.
/// </summary>
public static class Distributor
{
    public static DistributedProgram Lower(Placement placement, Topology.Topology topology, DistributionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(topology);
        if (placement.QpuOfQubit.Any(p => (uint)p >= (uint)topology.QpuCount))
        {
            throw new ArgumentException("the placement names a QPU the topology does not have", nameof(placement));
        }
        return new Lowering(placement, topology, options ?? new DistributionOptions()).Run();
    }
}
