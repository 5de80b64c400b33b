using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The partitioning phase's one entry: normalize the circuit, build its hypergraph, and place
/// qubits and gates on the topology's QPUs under their hard capacities. Null when the circuit
/// has more qubits than the data center.
/// </summary>
public static class CircuitPartitioner
{
    public static Placement? Place(Circuit circuit, Topology.Topology topology, PartitionOptions? options = null)
    {
        var normalized = Normalizer.ToBasis(circuit);
        var hypergraph = CircuitHypergraph.Build(normalized);
        var metrics = new TopologyMetrics(topology);
        var cost = new TopologyBlockCost(metrics);
        var result = MultilevelPartitioner.Partition(hypergraph.Graph, cost, options);
        if (!result.IsFeasible)
        {
            return null;
        }
        int n = hypergraph.QubitCount;
        var qpuOfQubit = result.BlockOf[..n];
        // The partitioner ignores how many copies a QPU can hold at once; the refiner moves gates
        // between their operands' QPUs until the copies fit, or as near as it can.
        var blockOf = result.BlockOf.ToArray();
        var gateQpu = blockOf[n..];
        if (options?.CommQubitAware ?? true)
        {
            CommQubitRefiner.Refine(hypergraph, metrics, qpuOfQubit.AsSpan(), gateQpu);
        }
        gateQpu.CopyTo(blockOf, n);
        long ebits = PartitionMetrics.Objective(hypergraph.Graph, blockOf, cost);
        var gates = ImmutableArray.CreateBuilder<GatePlacement>(hypergraph.GateOperation.Length);
        for (int g = 0; g < hypergraph.GateOperation.Length; g++)
        {
            int op = hypergraph.GateOperation[g];
            int qpu = gateQpu[g];
            bool local = normalized.Operations[op].Qubits.All(q => qpuOfQubit[q] == qpu);
            gates.Add(new GatePlacement(op, qpu, local ? GateRealization.Local : GateRealization.Telegate));
        }
        return new Placement(normalized, qpuOfQubit, gates.MoveToImmutable(), ebits, result.BlockWeights, hypergraph);
    }
}
