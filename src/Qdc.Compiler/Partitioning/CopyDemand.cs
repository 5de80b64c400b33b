using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// The pairs a gate placement needs once communication qubits are counted: every run's copy-tree
/// links, plus the copies re-made because a QPU could not hold them all at once. Relays hold
/// copies too, and a QPU sends its own qubits' copies through one of its communication qubits.
/// This is what <see cref="CommQubitRefiner"/> compares its result against the partitioner's by.
/// </summary>
internal static class CopyDemand
{
    public static long Pairs(CircuitHypergraph graph, IReadOnlyList<int> home, IReadOnlyList<int> gateQpu, TopologyMetrics metrics, IReadOnlyList<int> commQubits)
    {
        int k = metrics.QpuCount;
        int n = graph.QubitCount;
        gateQpu = OffSingleCommQpus(graph, home, gateQpu, commQubits);
        var requests = Enumerable.Range(0, k).Select(_ => new List<(int Gate, int Kind, int Net)>()).ToArray();
        long pairs = 0;
        var first = new int[k];
        for (int e = 0; e < graph.Graph.NetCount; e++)
        {
            int h = home[graph.NetQubit[e]];
            ulong mask = 0;
            foreach (int pin in graph.Graph.Pins(e))
            {
                mask |= pin >= n ? 1UL << gateQpu[pin - n] : 0;
            }
            if ((mask & ~(1UL << h)) == 0)
            {
                continue;
            }
            var tree = CopyTree.Build(metrics, h, mask);
            Array.Fill(first, int.MaxValue);
            foreach (int pin in graph.Graph.Pins(e))
            {
                if (pin < n)
                {
                    continue;
                }
                int g = pin - n;
                for (int v = gateQpu[g]; v != h; v = tree.Parent[v])
                {
                    requests[v].Add((g, 1, e));
                    first[v] = Math.Min(first[v], g);
                }
            }
            for (int v = 0; v < k; v++)
            {
                if (tree.Parent[v] < 0)
                {
                    continue;
                }
                pairs++;
                // The parent sends this copy; a relay with one communication qubit cannot.
                requests[tree.Parent[v]].Add((first[v], 0, -1));
                if (tree.Parent[v] != h && commQubits[tree.Parent[v]] < 2)
                {
                    pairs += CopyCache.Impossible;
                }
            }
        }
        var cache = new CopyCache(commQubits.Count == 0 ? 1 : commQubits.Max());
        for (int p = 0; p < k; p++)
        {
            var list = requests[p];
            list.Sort();
            var gates = list.Select(r => r.Gate).ToArray();
            var nets = list.Select(r => r.Net).ToArray();
            pairs += cache.Remakes(gates, nets, commQubits[p], graph.Graph.NetCount);
        }
        return pairs;
    }

    /// <summary>
    /// As the lowering does: a gate on a QPU with one communication qubit that would need copies of
    /// both its qubits there moves to its first qubit's home.
    /// </summary>
    private static int[] OffSingleCommQpus(CircuitHypergraph graph, IReadOnlyList<int> home, IReadOnlyList<int> gateQpu, IReadOnlyList<int> commQubits)
    {
        int[] moved = [.. gateQpu];
        for (int g = 0; g < moved.Length; g++)
        {
            int p = moved[g];
            int a = home[graph.GateQubits[2 * g]];
            if (commQubits[p] < 2 && a != p && home[graph.GateQubits[(2 * g) + 1]] != p)
            {
                moved[g] = a;
            }
        }
        return moved;
    }
}
