using System.Runtime.CompilerServices;

namespace Qdc.Compiler.Partitioning;

/// <summary>
/// Partitions the coarsest hypergraph several ways — greedy hypergraph growing from different
/// seed vertices, recursive bisection and random bin packing — refines each with FM, and keeps the best feasible one.
/// </summary>
internal static class InitialPartitioner
{

    public static int[]? Run(Hypergraph g, IBlockCost cost, SplitMix64 rng, int tries, bool multilevelBisections = false)
    {
        int[]? best = null;
        long bestObjective = long.MaxValue;
        // Large coarsest levels (dense random hypergraphs) get fewer, shorter tries; the winner is refined fully later.
        tries = (int)Math.Clamp(tries * 30_000L / Math.Max(1, g.PinCount + g.VertexCount), Math.Min(4, tries), tries);
        // Every fourth try (from the second) is a recursive bisection, each of whose bisections gets a
        // third as many tries; not on tiny levels, where k-way growing does as well (and they get 128 attempts).
        bool bisect = cost.BlockCount > 2 && g.PinCount + g.VertexCount >= 1000;
        for (int t = 0; t < tries; t++)
        {
            int[]? blockOf = t % 4 == 3 ? Packing(g, cost, rng)
                : t % 4 == 1 && bisect ? RecursiveBisection.Partition(g, cost, rng, Math.Max(1, tries / 3), multilevelBisections)
                : Growing(g, cost, rng);
            if (blockOf is null)
            {
                continue;
            }
            var state = new PartitionState(g, cost, blockOf);
            if (!Rebalancer.Repair(state))
            {
                continue;
            }
            new FmRefiner(state, rng).Refine();
            if (state.Objective < bestObjective)
            {
                bestObjective = state.Objective;
                best = state.BlockOf;
            }
        }
        return best;
    }

    /// <summary>Fills blocks one after another with the unassigned vertex most connected to the block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Growing(Hypergraph g, IBlockCost cost, SplitMix64 rng)
    {
        int n = g.VertexCount;
        int k = cost.BlockCount;
        var blockOf = new int[n];
        Array.Fill(blockOf, -1);
        double totalCapacity = 0;
        for (int b = 0; b < k; b++)
        {
            totalCapacity += cost.Capacity(b);
        }
        var score = new double[n];
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
        }
        rng.Shuffle(order);
        int next = 0;
        var candidates = new List<int>();
        for (int b = 0; b < k - 1; b++)
        {
            long target = (long)Math.Round(cost.Capacity(b) * g.TotalVertexWeight / Math.Max(1, totalCapacity));
            long load = 0;
            Array.Clear(score);
            candidates.Clear();
            while (load < target)
            {
                int v = PickBest(candidates, score, blockOf, g, cost.Capacity(b) - load);
                if (v < 0)
                {
                    while (next < n && (blockOf[order[next]] >= 0 || load + g.VertexWeight(order[next]) > cost.Capacity(b)))
                    {
                        next++;
                    }
                    if (next == n)
                    {
                        next = 0;
                        break;
                    }
                    v = order[next];
                }
                blockOf[v] = b;
                load += g.VertexWeight(v);
                foreach (var e in g.IncidentNets(v))
                {
                    double r = (double)g.NetWeight(e) / (g.NetSize(e) - 1);
                    foreach (var u in g.Pins(e))
                    {
                        if (blockOf[u] < 0)
                        {
                            if (score[u] == 0)
                            {
                                candidates.Add(u);
                            }
                            score[u] += r;
                        }
                    }
                }
            }
        }
        for (int v = 0; v < n; v++)
        {
            if (blockOf[v] < 0)
            {
                blockOf[v] = k - 1;
            }
        }
        return blockOf;
    }

    // A linear scan: the coarsest level is small, and a heap would take every score update.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int PickBest(List<int> candidates, double[] score, int[] blockOf, Hypergraph g, long room)
    {
        int best = -1;
        int write = 0;
        for (int i = 0; i < candidates.Count; i++)
        {
            int u = candidates[i];
            if (blockOf[u] >= 0)
            {
                continue;
            }
            candidates[write++] = u;
            if (g.VertexWeight(u) <= room && (best < 0 || score[u] > score[best]))
            {
                best = u;
            }
        }
        candidates.RemoveRange(write, candidates.Count - write);
        return best;
    }

    /// <summary>Heaviest first, each into a random block that has room (else the emptiest).</summary>
    private static int[] Packing(Hypergraph g, IBlockCost cost, SplitMix64 rng)
    {
        int n = g.VertexCount;
        int k = cost.BlockCount;
        var order = new int[n];
        for (int v = 0; v < n; v++)
        {
            order[v] = v;
        }
        rng.Shuffle(order);
        var sorted = order.OrderByDescending(g.VertexWeight).ToArray();
        var load = new long[k];
        var blockOf = new int[n];
        foreach (var v in sorted)
        {
            int w = g.VertexWeight(v);
            int start = rng.Next(k);
            int chosen = -1;
            for (int i = 0; i < k && chosen < 0; i++)
            {
                int b = (start + i) % k;
                if (load[b] + w <= cost.Capacity(b))
                {
                    chosen = b;
                }
            }
            if (chosen < 0)
            {
                chosen = 0;
                for (int b = 1; b < k; b++)
                {
                    if (cost.Capacity(b) - load[b] > cost.Capacity(chosen) - load[chosen])
                    {
                        chosen = b;
                    }
                }
            }
            blockOf[v] = chosen;
            load[chosen] += w;
        }
        return blockOf;
    }
}
