using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Numerics;
using Qdc.Compiler.Graphs;

namespace Qdc.Compiler.Topology;

/// <summary>
/// Distances and costs over a topology's QPU graph, computed once for the phases that follow.
/// <see cref="SteinerCost(ulong)"/> is what the partitioner calls in its inner loop: the number of
/// links in a minimal tree spanning a set of QPUs, i.e. the ebits a cat-entangled hyperedge over
/// them consumes (m−1 for m QPUs on an all-to-all network). It is cached by QPU bitmask and safe to
/// call from several threads.
/// </summary>
public sealed class TopologyMetrics
{
    private const int TableLimit = 20;
    private const int Unknown = -1;

    // Up to this many QPUs one Dreyfus–Wagner pass prices every subset exactly on first use
    // (3^12·12 ≈ 6·10^6 steps, milliseconds); above it each subset is priced when first asked for.
    private const int FullTableLimit = 12;

    private readonly int[][] _hops;
    private readonly PathQuality[][] _best;
    private readonly AllPairsShortestPaths _paths;
    private readonly int[]? _steinerTable;
    private readonly ConcurrentDictionary<ulong, int>? _steinerCache;
    private readonly Lazy<int[]>? _fullTable;

    public TopologyMetrics(Topology topology)
    {
        Topology = topology;
        Graph = topology.ToGraph();
        IsAllToAll = topology.IsAllToAll;
        _hops = BreadthFirst.AllHopDistances(Graph);
        _paths = new AllPairsShortestPaths(Graph);
        _best = new PathQuality[QpuCount][];
        for (int a = 0; a < QpuCount; a++)
        {
            _best[a] = BestPathsFrom(a);
        }
        if (QpuCount <= FullTableLimit)
        {
            _fullTable = new Lazy<int[]>(() => [.. SteinerSubsetCosts.Compute(Graph, _paths).Select(ToCost)]);
        }
        else if (QpuCount <= TableLimit)
        {
            _steinerTable = new int[1 << QpuCount];
            Array.Fill(_steinerTable, Unknown);
        }
        else if (QpuCount <= 64)
        {
            _steinerCache = new ConcurrentDictionary<ulong, int>();
        }
        int diameter = 0;
        foreach (var row in _hops)
        {
            diameter = Math.Max(diameter, row.Max());
        }
        Diameter = diameter;
    }

    public Topology Topology { get; }

    /// <summary>The QPU graph: vertex i is QPU i, edge j is link j, weight 1.</summary>
    public UndirectedGraph Graph { get; }

    public int QpuCount => Topology.QpuCount;

    public bool IsAllToAll { get; }

    /// <summary>The largest hop distance between two QPUs.</summary>
    public int Diameter { get; }

    /// <summary>Links on the shortest route from QPU a to QPU b; -1 if unreachable.</summary>
    public int HopDistance(int a, int b) => _hops[a][b];

    /// <summary>The best route from QPU a to QPU b (see <see cref="PathQuality"/>).</summary>
    public PathQuality BestPath(int a, int b) => _best[a][b];

    /// <summary>Ebits for a cat-entangled hyperedge over these QPU indices (duplicates ignored).</summary>
    public int SteinerCost(IEnumerable<int> qpuIndices)
    {
        if (QpuCount <= 64)
        {
            ulong mask = 0;
            foreach (int q in qpuIndices)
            {
                mask |= 1UL << q;
            }
            return SteinerCost(mask);
        }
        return Compute([.. qpuIndices]);
    }

    /// <summary>
    /// Ebits for a cat-entangled hyperedge over the QPUs whose bits are set (bit i = QPU i; at most
    /// 64 QPUs): 0 for fewer than two, popcount−1 when all-to-all, else the minimum Steiner tree's
    /// link count: exact for topologies of up to 12 QPUs (all subsets priced in one pass on first
    /// use) and for sets of up to <see cref="SteinerTree.ExactTerminalLimit"/> QPUs, else 2-approximate.
    /// int.MaxValue when the QPUs cannot be joined.
    /// </summary>
    public int SteinerCost(ulong mask)
    {
        int count = BitOperations.PopCount(mask);
        if (count <= 1)
        {
            return 0;
        }
        if (IsAllToAll)
        {
            return count - 1;
        }
        if (_fullTable is { } full)
        {
            return full.Value[(int)mask];
        }
        if (_steinerTable is { } table)
        {
            int cached = Volatile.Read(ref table[(int)mask]);
            if (cached == Unknown)
            {
                // Two threads may both compute it; the value is the same, so the race is harmless.
                cached = Compute(BitsOf(mask));
                Volatile.Write(ref table[(int)mask], cached);
            }
            return cached;
        }
        // TryGetValue first: GetOrAdd's lambda would capture this and allocate on every call.
        if (_steinerCache!.TryGetValue(mask, out int known))
        {
            return known;
        }
        return _steinerCache.GetOrAdd(mask, Compute(BitsOf(mask)));
    }

    /// <summary>The tree itself (link indices), for lowering a hyperedge to relayed cat-entanglement.</summary>
    public SteinerTree SteinerTree(IEnumerable<int> qpuIndices) => Graphs.SteinerTree.Compute(Graph, qpuIndices, _paths);

    private int Compute(IReadOnlyList<int> qpus) => ToCost(Graphs.SteinerTree.MinimumCost(Graph, qpus, _paths));

    private static int ToCost(double weight) => double.IsPositiveInfinity(weight) ? int.MaxValue : (int)Math.Round(weight);

    private static List<int> BitsOf(ulong mask)
    {
        var bits = new List<int>(BitOperations.PopCount(mask));
        while (mask != 0)
        {
            bits.Add(BitOperations.TrailingZeroCount(mask));
            mask &= mask - 1;
        }
        return bits;
    }

    // Over the BFS layers from a: among predecessors one hop closer, keep the one giving the highest
    // fidelity product, ties to the smaller QPU index. Exact, and needs no floating epsilon.
    private PathQuality[] BestPathsFrom(int a)
    {
        int n = QpuCount;
        var hops = _hops[a];
        var fidelity = new double[n];
        var predecessor = new int[n];
        var viaLink = new int[n];
        Array.Fill(predecessor, -1);
        Array.Fill(viaLink, -1);
        fidelity[a] = 1;
        var order = Enumerable.Range(0, n).Where(v => hops[v] >= 0).OrderBy(v => hops[v]).ThenBy(v => v).ToList();
        foreach (int v in order)
        {
            if (v == a)
            {
                continue;
            }
            foreach (var nb in Graph.Neighbors(v))
            {
                int u = nb.Vertex;
                if (hops[u] != hops[v] - 1)
                {
                    continue;
                }
                double f = fidelity[u] * Topology.Links[nb.EdgeIndex].EprFidelity;
                if (predecessor[v] < 0 || f > fidelity[v])
                {
                    fidelity[v] = f;
                    predecessor[v] = u;
                    viaLink[v] = nb.EdgeIndex;
                }
            }
        }
        var result = new PathQuality[n];
        for (int b = 0; b < n; b++)
        {
            if (hops[b] < 0)
            {
                result[b] = new PathQuality(-1, [], [], 0, 0, double.PositiveInfinity);
                continue;
            }
            var qpus = new List<int>();
            var links = new List<int>();
            double rate = double.PositiveInfinity, latency = 0;
            for (int v = b; v != a; v = predecessor[v])
            {
                qpus.Add(v);
                var link = Topology.Links[viaLink[v]];
                links.Add(viaLink[v]);
                rate = Math.Min(rate, link.EprRate * link.ParallelPairs);
                latency += link.Latency;
            }
            qpus.Add(a);
            qpus.Reverse();
            links.Reverse();
            result[b] = new PathQuality(hops[b], [.. qpus], [.. links], fidelity[b], rate, latency);
        }
        return result;
    }
}
