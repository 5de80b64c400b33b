using System.Numerics;
using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// H-type embedding, after placement: two diagonal runs of a qubit separated only by gates that
/// flip it in the computational basis (CX targets, which is what a Hadamard sandwich H·CZ·H
/// becomes, with diagonal or Pauli one-qubit gates between) become one run, so a copy on a QPU
/// that both runs use survives the stretch instead of being disentangled and made again. The
/// flips execute at the qubit's home, and each is mirrored on the surviving copy by a local CX
/// from the flip's control, so the control must live on that copy's QPU. Each merge is taken
/// only when it lowers the objective, counting what moving the flips home costs their controls'
/// runs; the lowering then spends exactly the returned objective.
/// </summary>
internal static class HTypeEmbedding
{
    /// <summary>The merged hypergraph, with <paramref name="blockOf"/>'s flips moved home in place, and its objective.</summary>
    public static (CircuitHypergraph Graph, long Objective) Apply(Circuit normalized, CircuitHypergraph graph, int[] blockOf, TopologyMetrics metrics, IBlockCost cost)
    {
        var state = new State(normalized, graph, blockOf, metrics, cost);
        state.Run();
        var groups = state.Groups;
        var merged = groups.Count == 0 ? graph : graph.WithMergedRuns(groups);
        return (merged, PartitionMetrics.Objective(merged.Graph, blockOf, cost));
    }

    /// <summary>
    /// True when the two-qubit gate flips operand <paramref name="side"/> exactly when the other
    /// operand is 1 and otherwise only adds phases (cx, cy and their phased forms with that target).
    /// </summary>
    internal static bool IsControlledFlip(GateMatrix m, int side)
    {
        if (m.Qubits != 2)
        {
            return false;
        }
        int target = 1 << (1 - side);
        int control = 1 << side;
        for (int c = 0; c < m.Dimension; c++)
        {
            int expected = (c & control) != 0 ? c ^ target : c;
            for (int r = 0; r < m.Dimension; r++)
            {
                bool nonzero = Complex.Abs(m[r, c]) > 1e-9;
                if (nonzero != (r == expected))
                {
                    return false;
                }
            }
        }
        return true;
    }

    private sealed class State(Circuit normalized, CircuitHypergraph graph, int[] blockOf, TopologyMetrics metrics, IBlockCost cost)
    {
        private readonly int _n = graph.QubitCount;
        private readonly bool[] _merged = new bool[graph.Graph.NetCount];
        private readonly int[] _opsGate = graph.GateOfOperation(normalized.Operations.Length);

        private readonly List<Group> _groups = [];

        /// <summary>The nets of each group that merged at least two diagonal runs: its runs and its flips' runs.</summary>
        public List<List<int>> Groups => [.. _groups.Where(g => g.Diagonal.Count > 1).Select(g => g.Diagonal.Concat(g.FlipNets).Order().ToList())];

        public void Run()
        {
            var netsOfQubit = Enumerable.Range(0, _n).Select(_ => new List<int>()).ToArray();
            for (int e = 0; e < graph.Graph.NetCount; e++)
            {
                netsOfQubit[graph.NetQubit[e]].Add(e);
            }
            var opsOfQubit = Enumerable.Range(0, _n).Select(_ => new List<int>()).ToArray();
            for (int i = 0; i < normalized.Operations.Length; i++)
            {
                foreach (int q in normalized.Operations[i].Qubits.Distinct())
                {
                    opsOfQubit[q].Add(i);
                }
            }
            for (int q = 0; q < _n; q++)
            {
                var nets = netsOfQubit[q].OrderBy(graph.FirstGate).ToList();
                Group? group = null;
                for (int i = 0; i < nets.Count; i++)
                {
                    int e = nets[i];
                    if (graph.NetKind[e] != InteractionKind.Diagonal)
                    {
                        continue;
                    }
                    if (group is not null && Flips(q, group.LastOp, FirstOp(e), opsOfQubit[q]) is { } flips && TryMerge(q, group, e, flips))
                    {
                        continue;
                    }
                    group = new Group([e], [], [], LastOp(e));
                    _groups.Add(group);
                }
            }
        }

        /// <summary>
        /// The flip gates between the two operations on the qubit, or null when something else
        /// (a measurement, a reset, a gate that is neither diagonal nor a flip) lies between.
        /// </summary>
        private List<int>? Flips(int q, int afterOp, int beforeOp, List<int> ops)
        {
            var flips = new List<int>();
            int start = ops.BinarySearch(afterOp);
            for (int k = start + 1; k < ops.Count && ops[k] < beforeOp; k++)
            {
                switch (normalized.Operations[ops[k]])
                {
                    case GateOperation { Qubits.Length: 1 } g when CircuitHypergraph.Embeds(g.Gate.Matrix, InteractionKind.Diagonal):
                        break;
                    case GateOperation { Qubits.Length: 2 } g when _opsGate[ops[k]] >= 0 && IsControlledFlip(g.Gate.Matrix, g.Qubits[0] == q ? 0 : 1):
                        flips.Add(_opsGate[ops[k]]);
                        break;
                    case BarrierOperation:
                        break;
                    default:
                        return null;
                }
            }
            return flips.Count > 0 ? flips : null;
        }

        private bool TryMerge(int q, Group group, int next, List<int> flips)
        {
            int home = blockOf[q];
            var flipNets = new SortedSet<int>();
            var controlNets = new SortedSet<int>();
            foreach (int g in flips)
            {
                int side = graph.GateQubits[2 * g] == q ? 0 : 1;
                flipNets.Add(graph.GateNets[(2 * g) + side]);
                controlNets.Add(graph.GateNets[(2 * g) + 1 - side]);
            }
            // A control run in a merged group is left alone: moving its gate would change which
            // copies that group keeps alive. A flip run must hold nothing but these flips.
            var flipSet = flips.ToHashSet();
            if (controlNets.Any(e => _merged[e]) || flipNets.Any(e => _merged[e] || graph.NetKind[e] != InteractionKind.XType
                || graph.Graph.Pins(e).ToArray().Any(p => p >= _n && !flipSet.Contains(p - _n))))
            {
                return false;
            }
            var saved = flips.Select(g => blockOf[_n + g]).ToArray();
            long before = MergedCost(group.Diagonal) + SeparateCost(flipNets) + MergedCost([next]) + SeparateCost(controlNets);
            foreach (int g in flips)
            {
                blockOf[_n + g] = home;
            }
            var diagonal = group.Diagonal.Append(next).ToList();
            long after = MergedCost(diagonal) + SeparateCost(controlNets);
            if (after < before && Valid(q, diagonal, [.. group.Sandwiches, flips]))
            {
                group.Diagonal.Add(next);
                group.Sandwiches.Add(flips);
                group.FlipNets.AddRange(flipNets);
                group.LastOp = LastOp(next);
                foreach (int e in flipNets.Append(next).Concat(group.Diagonal))
                {
                    _merged[e] = true;
                }
                return true;
            }
            for (int i = 0; i < flips.Count; i++)
            {
                blockOf[_n + flips[i]] = saved[i];
            }
            return false;
        }

        /// <summary>
        /// Every copy alive across a sandwich (on a QPU with gates of the group before and after it)
        /// needs each flip's control on its QPU; and the copies form a star from home, so no relay
        /// copy outlives its own gates.
        /// </summary>
        private bool Valid(int q, List<int> diagonal, List<List<int>> sandwiches)
        {
            int home = blockOf[q];
            ulong homeBit = 1UL << home;
            var masks = diagonal.Select(QpuMask).ToArray();
            for (int s = 0; s < sandwiches.Count; s++)
            {
                ulong earlier = masks.Take(s + 1).Aggregate(0UL, (a, m) => a | m);
                ulong later = masks.Skip(s + 1).Aggregate(0UL, (a, m) => a | m);
                ulong alive = earlier & later & ~homeBit;
                foreach (int g in sandwiches[s])
                {
                    int control = graph.GateQubits[2 * g] == q ? graph.GateQubits[(2 * g) + 1] : graph.GateQubits[2 * g];
                    if ((alive & ~(1UL << blockOf[control])) != 0)
                    {
                        return false;
                    }
                }
            }
            if (metrics.IsAllToAll)
            {
                return true;
            }
            ulong all = masks.Aggregate(0UL, (a, m) => a | m) & ~homeBit;
            var tree = CopyTree.Build(metrics, home, all);
            for (int p = 0; p < metrics.QpuCount; p++)
            {
                if ((all & (1UL << p)) != 0 && tree.Parent[p] != home)
                {
                    return false;
                }
            }
            return true;
        }

        private long MergedCost(IEnumerable<int> nets) => cost.SpanCost(nets.Aggregate(0UL, (m, e) => m | QpuMask(e)));

        private long SeparateCost(IEnumerable<int> nets) => nets.Sum(e => (long)cost.SpanCost(QpuMask(e)));

        private ulong QpuMask(int net)
        {
            ulong mask = 0;
            foreach (int pin in graph.Graph.Pins(net))
            {
                mask |= 1UL << blockOf[pin];
            }
            return mask;
        }

        private int FirstOp(int net) => graph.GateOperation[graph.FirstGate(net)];

        private int LastOp(int net) => graph.GateOperation[graph.LastGate(net)];
    }

    // A qubit's diagonal runs in time order, the flips between Diagonal[s] and Diagonal[s + 1] at
    // Sandwiches[s], the flips' own runs, and the last operation of the last diagonal run.
    private sealed class Group(List<int> diagonal, List<List<int>> sandwiches, List<int> flipNets, int lastOp)
    {
        public List<int> Diagonal { get; } = diagonal;

        public List<List<int>> Sandwiches { get; } = sandwiches;

        public List<int> FlipNets { get; } = flipNets;

        public int LastOp { get; set; } = lastOp;
    }
}
