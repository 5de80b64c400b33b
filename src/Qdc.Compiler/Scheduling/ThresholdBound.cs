using System.Numerics;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// A lower bound for programs whose pairs must stay alive until late: the part of
/// <see cref="StorageBound"/> that sees a QPU's communication qubits full at a moment t.
/// First, each task starts no earlier than its ancestors' pairs on any one link take on that
/// link's generators, and than its predecessors allow. So each occupancy o ends no earlier than
/// some E(o). Then, at any t, of the occupancies on a QPU with E(o) ≥ t, at most its c qubits can
/// have started before t (each is held from its start until it ends); the others start at t or
/// later, so the makespan is at least t plus their pairs on any one link ÷ its generators, and t
/// plus their shortest holds ÷ c.
/// </summary>
internal static class ThresholdBound
{
    // Ancestor sets as bitsets over pairs: skipped above this many words (32 MB; the 1M-operation benchmark would need 1.2 GB).
    private const long WordBudget = 1L << 22;

    public static double Of(TaskGraph g, Topology.Topology topology, int[] slots, double[] held)
    {
        if (Earliest(g, topology, out double[] generation) is not { } earliest)
        {
            return 0;
        }
        var pairs = g.Program.EprPairs;
        double bound = 0;
        var byQpu = new List<(double End, int Link, double Held)>[topology.QpuCount];
        for (int v = 0; v < byQpu.Length; v++)
        {
            byQpu[v] = [];
        }
        for (int o = 0; o < g.OccupancyCount; o++)
        {
            int last = g.OccLastTask[o];
            byQpu[g.OccQpu[o]].Add((earliest[last] + g.Duration[last], pairs[g.OccPair[o]].Link, held[o]));
        }
        var onLink = new int[topology.Links.Length];
        for (int v = 0; v < byQpu.Length; v++)
        {
            var occs = byQpu[v];
            occs.Sort((a, b) => b.End.CompareTo(a.End));
            int c = slots[v];
            Array.Clear(onLink);
            var holds = new List<double>();
            for (int k = 0; k < occs.Count; k++)
            {
                var (t, link, hold) = occs[k];
                onLink[link]++;
                int at = holds.BinarySearch(hold);
                holds.Insert(at < 0 ? ~at : at, hold);
                if (k + 1 < occs.Count && occs[k + 1].End == t)
                {
                    continue;
                }
                int late = holds.Count - c;
                if (late <= 0)
                {
                    continue;
                }
                double shortest = 0;
                for (int i = 0; i < late; i++)
                {
                    shortest += holds[i];
                }
                bound = Math.Max(bound, t + (shortest / c));
                for (int l = 0; l < onLink.Length; l++)
                {
                    if (onLink[l] > c)
                    {
                        bound = Math.Max(bound, t + ((onLink[l] - c) * generation[l] / topology.Links[l].ParallelPairs));
                    }
                }
            }
        }
        return bound;
    }

    /// <summary>Per task, its earliest start counting its ancestors' pairs on each link (null when too big to compute); per link, a pair's generation time.</summary>
    public static double[]? Earliest(TaskGraph g, Topology.Topology topology, out double[] generation)
    {
        var pairs = g.Program.EprPairs;
        int words = (pairs.Length + 63) / 64;
        generation = new double[topology.Links.Length];
        if (pairs.Length == 0 || (long)words * g.Count > WordBudget)
        {
            return null;
        }
        // Bits in link order, so each link's pairs are one range.
        var bit = new int[pairs.Length];
        var linkStart = new int[topology.Links.Length + 1];
        foreach (var pair in pairs)
        {
            linkStart[pair.Link + 1]++;
        }
        for (int l = 0; l < topology.Links.Length; l++)
        {
            linkStart[l + 1] += linkStart[l];
        }
        var next = (int[])linkStart.Clone();
        foreach (var pair in pairs)
        {
            bit[pair.Index] = next[pair.Link]++;
            generation[pair.Link] = g.GenerationTime[pair.Index];
        }

        var ancestors = new ulong[(long)words * g.Count];
        var floor = new double[g.Count];
        for (int t = 0; t < g.Count; t++)
        {
            if (!g.IsTask[t])
            {
                continue;
            }
            var mine = ancestors.AsSpan(t * words, words);
            for (int l = 0; l < topology.Links.Length; l++)
            {
                int count = Count(mine, linkStart[l], linkStart[l + 1]);
                floor[t] = Math.Max(floor[t], count * generation[l] / topology.Links[l].ParallelPairs);
            }
            int p = g.PairOfTask[t];
            for (int e = g.SuccStart[t]; e < g.SuccStart[t + 1]; e++)
            {
                var theirs = ancestors.AsSpan(g.Succ[e] * words, words);
                for (int w = 0; w < words; w++)
                {
                    theirs[w] |= mine[w];
                }
                if (p >= 0)
                {
                    theirs[bit[p] >> 6] |= 1UL << (bit[p] & 63);
                }
            }
        }
        PathBound.End(g, pairsTakeTime: true, out double[] earliest, floor);
        return earliest;
    }

    private static int Count(Span<ulong> set, int from, int to)
    {
        int count = 0;
        for (int b = from; b < to;)
        {
            int w = b >> 6, lo = b & 63;
            int hi = Math.Min(64, lo + (to - b));
            ulong mask = (hi == 64 ? ulong.MaxValue : (1UL << hi) - 1) & ~((1UL << lo) - 1);
            count += BitOperations.PopCount(set[w] & mask);
            b += hi - lo;
        }
        return count;
    }
}
