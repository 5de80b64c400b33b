using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Distribution;

/// <summary>
/// Picks the runs that teledata serves: per qubit, maximal sequences of consecutive runs each
/// executed entirely on the same other QPU. Telegates cost one pair per run and hop there, a
/// teleport out and back two per hop, so with <see cref="DistributionStrategy.Auto"/> sequences of
/// three runs or more move (along the best path, hop by hop, when the QPU is not a neighbour);
/// with <see cref="DistributionStrategy.Teledata"/> every sequence does. A teleported qubit lives
/// on a communication qubit and must be able to leave again (which takes a second one), so only
/// QPUs with two or more are visited or passed through.
/// </summary>
internal static class TeledataPlanner
{
    private const int RoundTripPairs = 2;

    /// <summary>For each net, the stretch that serves it, or null for a telegate.</summary>
    public static TeledataStretch?[] Plan(Placement placement, IReadOnlyList<int> gateQpu, CommQubitPool pool, TopologyMetrics metrics, DistributionStrategy strategy)
    {
        int minRuns = strategy == DistributionStrategy.Teledata ? 1 : RoundTripPairs + 1;
        var graph = placement.Hypergraph;
        int n = graph.QubitCount;
        var stretchOfNet = new TeledataStretch?[graph.Graph.NetCount];
        var netsOfQubit = Enumerable.Range(0, n).Select(_ => new List<int>()).ToArray();
        for (int e = 0; e < graph.Graph.NetCount; e++)
        {
            netsOfQubit[graph.NetQubit[e]].Add(e);
        }
        for (int q = 0; q < n; q++)
        {
            int home = placement.QpuOfQubit[q];
            // A qubit's runs never overlap, so their first gates put them in circuit order.
            var nets = netsOfQubit[q].OrderBy(e => graph.FirstGate(e)).ToList();
            int start = 0;
            while (start < nets.Count)
            {
                int target = SoleRemoteQpu(gateQpu, graph, nets[start], home);
                int end = start + 1;
                while (target >= 0 && end < nets.Count && SoleRemoteQpu(gateQpu, graph, nets[end], home) == target)
                {
                    end++;
                }
                // Each run costs one pair per hop as a telegate; the round trip two per hop.
                if (target >= 0 && end - start >= minRuns && metrics.BestPath(home, target) is { IsReachable: true } path
                    && path.Qpus.Skip(1).All(p => pool.Limit(p) >= 2))
                {
                    var stretch = new TeledataStretch(q, path.Qpus, path.Links, graph.LastGate(nets[end - 1]));
                    for (int i = start; i < end; i++)
                    {
                        stretchOfNet[nets[i]] = stretch;
                    }
                }
                start = end;
            }
        }
        return stretchOfNet;
    }

    /// <summary>The QPU where every gate of the net runs, when that is one QPU other than home; else -1.</summary>
    private static int SoleRemoteQpu(IReadOnlyList<int> gateQpu, CircuitHypergraph graph, int net, int home)
    {
        int qpu = -1;
        foreach (int pin in graph.Graph.Pins(net))
        {
            if (pin < graph.QubitCount)
            {
                continue;
            }
            int p = gateQpu[pin - graph.QubitCount];
            if (p == home || (qpu >= 0 && p != qpu))
            {
                return -1;
            }
            qpu = p;
        }
        return qpu;
    }
}
