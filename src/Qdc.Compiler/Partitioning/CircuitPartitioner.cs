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
    // Placements tried beyond the first when communication qubits bind, on circuits this small.
    private const int ExtraPlacements = 3;
    private const int ExtraPlacementPins = 4000;

    // Pairs the pipelined copies may add to the best placement's, in percent: on the QFT rows of the
    // reference table they add 1 of 28 (k = 3) for a schedule 44% shorter.
    private const int PipelinedExtraPercent = 10;

    // The segmented hypergraph is partitioned too (for teledata) up to this many pins of the
    // plain one: the QASMBench circuits have up to 3,600, QFT-100 10,000, where a second
    // partition would add about a second to a pipeline meant to take under two.
    private const int TeledataPins = 6000;

    public static Placement? Place(Circuit circuit, Topology.Topology topology, PartitionOptions? options = null)
    {
        options ??= new PartitionOptions();
        var normalized = Normalizer.ToBasis(circuit, options.DropPhasesBelow, out var approximation);
        var hypergraph = CircuitHypergraph.Build(normalized);
        var metrics = new TopologyMetrics(topology);
        var cost = new TopologyBlockCost(metrics);
        var result = MultilevelPartitioner.Partition(hypergraph.Graph, cost, options);
        if (!result.IsFeasible)
        {
            return null;
        }
        int n = hypergraph.QubitCount;
        // The partitioner ignores how many copies a QPU can hold at once; the refiner moves gates
        // between their operands' QPUs until the copies fit, or as near as it can.
        var gateQpu = result.BlockOf[n..].ToArray();
        if (options.CommQubitAware)
        {
            long pairs = CommQubitRefiner.Refine(hypergraph, metrics, result.BlockOf.AsSpan(0, n), gateQpu);
            // When copies do not fit, other placements of the qubits that cost as little in the
            // hypergraph may fit them better: on small circuits, try a few (seeds derived from the
            // user's, so still deterministic) and keep the one needing the fewest pairs.
            for (int extra = 1; pairs > result.Objective && extra <= ExtraPlacements && hypergraph.Graph.PinCount <= ExtraPlacementPins; extra++)
            {
                var other = MultilevelPartitioner.Partition(hypergraph.Graph, cost, options with { Seed = options.Seed + ((ulong)extra * 0x9E3779B97F4A7C15UL) });
                if (!other.IsFeasible)
                {
                    continue;
                }
                var otherGates = other.BlockOf[n..].ToArray();
                long otherPairs = CommQubitRefiner.Refine(hypergraph, metrics, other.BlockOf.AsSpan(0, n), otherGates);
                if (otherPairs < pairs)
                {
                    (result, gateQpu, pairs) = (other, otherGates, otherPairs);
                }
            }
            // And one placement the hypergraph never proposes: qubits in index order, each QPU
            // filled in turn. Circuits built in qubit order (QFTs, adders) then need only copies
            // that run forward and die young; the full count decides whether it is better.
            var inOrder = pairs > result.Objective ? InOrder(n, cost) : null;
            if (inOrder is not null)
            {
                var orderGates = new int[gateQpu.Length];
                for (int g = 0; g < orderGates.Length; g++)
                {
                    orderGates[g] = inOrder[hypergraph.GateQubits[2 * g]];
                }
                long orderPairs = CommQubitRefiner.Refine(hypergraph, metrics, inOrder.AsSpan(0, n), orderGates);
                if (orderPairs < pairs)
                {
                    int[] all = [.. inOrder, .. orderGates];
                    var weights = PartitionMetrics.BlockWeights(hypergraph.Graph, all, cost.BlockCount);
                    result = result with { BlockOf = [.. all], BlockWeights = weights };
                    (gateQpu, pairs) = (orderGates, orderPairs);
                }
                // The in-order placement again with copies run the way that finishes soonest (see
                // PipelinedCopies), the circuit reordered so they die young: a few more pairs may
                // buy a much shorter schedule.
                if (options.PipelinedCopies && metrics.IsAllToAll && PipelinedCopies.Build(normalized, inOrder, cost.BlockCount) is { } pipelined
                    && CopyDemand.Pairs(pipelined.Graph, inOrder, pipelined.GateQpu, metrics, [.. topology.Qpus.Select(q => q.CommQubits)]) is var pipelinedPairs
                    && pipelinedPairs * 100 <= pairs * (100 + PipelinedExtraPercent))
                {
                    int[] all = [.. inOrder, .. pipelined.GateQpu];
                    (normalized, hypergraph) = (pipelined.Circuit, pipelined.Graph);
                    result = result with { BlockOf = [.. all], BlockWeights = PartitionMetrics.BlockWeights(hypergraph.Graph, all, cost.BlockCount) };
                    (gateQpu, pairs) = (pipelined.GateQpu, pipelinedPairs);
                }
            }
        }
        var blockOf = result.BlockOf.ToArray();
        gateQpu.CopyTo(blockOf, n);
        var (placed, objective) = options.HTypeEmbedding
            ? HTypeEmbedding.Apply(normalized, hypergraph, blockOf, metrics, cost)
            : (hypergraph, PartitionMetrics.Objective(hypergraph.Graph, blockOf, cost));
        var placement = Build(normalized, approximation, placed, blockOf, objective, result.BlockWeights);
        if (options.Teledata && hypergraph.Graph.PinCount <= TeledataPins)
        {
            var segmented = MultilevelPartitioner.Partition(SegmentedHypergraph.Build(hypergraph), cost, options);
            if (segmented.IsFeasible && segmented.Objective < placement.Ebits)
            {
                var blocks = segmented.BlockOf[..hypergraph.Graph.VertexCount].ToArray();
                placement = placement with
                {
                    TeledataAlternative = Build(normalized, approximation, hypergraph, blocks, segmented.Objective, PartitionMetrics.BlockWeights(hypergraph.Graph, blocks, cost.BlockCount)),
                };
            }
        }
        return placement;
    }

    private static Placement Build(Circuit normalized, Approximation approximation, CircuitHypergraph hypergraph, int[] blockOf, long ebits, ImmutableArray<long> loads)
    {
        int n = hypergraph.QubitCount;
        var qpuOfQubit = blockOf[..n];
        var gates = ImmutableArray.CreateBuilder<GatePlacement>(hypergraph.GateOperation.Length);
        for (int g = 0; g < hypergraph.GateOperation.Length; g++)
        {
            int op = hypergraph.GateOperation[g];
            int qpu = blockOf[n + g];
            bool local = normalized.Operations[op].Qubits.All(q => qpuOfQubit[q] == qpu);
            gates.Add(new GatePlacement(op, qpu, local ? GateRealization.Local : GateRealization.Telegate));
        }
        return new Placement(normalized, [.. qpuOfQubit], gates.MoveToImmutable(), ebits, loads, hypergraph) { Approximation = approximation };
    }

    /// <summary>Qubit q on the first QPU with room left, in index order; null when they do not fit.</summary>
    private static int[]? InOrder(int qubits, IBlockCost cost)
    {
        var blockOf = new int[qubits];
        int block = 0;
        long used = 0;
        for (int q = 0; q < qubits; q++)
        {
            while (block < cost.BlockCount && used >= cost.Capacity(block))
            {
                (block, used) = (block + 1, 0);
            }
            if (block == cost.BlockCount)
            {
                return null;
            }
            blockOf[q] = block;
            used++;
        }
        return blockOf;
    }
}
