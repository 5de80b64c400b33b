namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Prefetch generates a pair as soon as qubits and a generator are free, which can hold a
/// communication qubit long before its gate and keep it from a pair needed sooner. These passes
/// rerun the list scheduler with each pair held back towards the latest start that still meets
/// its first use in the best run so far, and keep the shortest makespan (the first on ties, so
/// the result is deterministic and never worse than plain prefetch).
/// </summary>
internal static class JustInTime
{
    public const int MaxPasses = 8;

    // Tasks scheduled over all passes of one graph: big programs get fewer, so the 1M-operation case stays fast.
    private const long TaskBudget = 2_000_000;

    // Per pass after the first: which use a pair is held back towards, and how far (1: all the way).
    private static readonly (Towards Use, double Fraction)[] Passes =
    [
        (Towards.FirstUse, 1), (Towards.LongerHold, 1), (Towards.LongerHold, 0.5), (Towards.LastUse, 1),
        (Towards.LongerHold, 0.75), (Towards.LongerHold, 0.25), (Towards.FirstUse, 0.5),
    ];

    private enum Towards
    {
        /// <summary>The first operation on either half, less the pair's duration.</summary>
        FirstUse,

        /// <summary>The latest start that ends both occupancies (at their least hold) when they ended in the run.</summary>
        LastUse,

        /// <summary>The same for the occupancy that ended later only: a cat copy kept long then stops holding its qubits from the start, though its near half's use moves too.</summary>
        LongerHold,
    }

    public static ListScheduler Improve(TaskGraph g, ListScheduler first, Func<double[], ListScheduler>[] reruns)
    {
        var best = first;
        double bestSpan = Makespan(g, first);
        // Each pass runs every rule, and the first runs (one per rule) count against the budget too.
        int passes = (int)Math.Clamp((TaskBudget / Math.Max(1, (long)g.Count * reruns.Length)) - 1, 1, MaxPasses);
        double[]? held = null;
        for (int pass = 1; pass < passes && g.Program.EprPairs.Length > 0; pass++)
        {
            var (use, fraction) = Passes[pass - 1];
            held ??= StorageBound.Occupancies(g);
            var release = Releases(g, best, use, fraction, held);
            foreach (var rerun in reruns)
            {
                var run = rerun(release);
                if (run.Run() && Makespan(g, run) is var span && span < bestSpan)
                {
                    best = run;
                    bestSpan = span;
                }
            }
        }
        return best;
    }

    /// <summary>
    /// Per pair, the latest start at which its occupancies, held their least, still end at the
    /// earliest ends <see cref="ThresholdBound.Earliest"/> allows them: starting sooner cannot end
    /// them sooner and keeps the qubits from others. Null when the program is too big for it.
    /// </summary>
    public static double[]? ToEarliestEnds(TaskGraph g, Topology.Topology topology)
    {
        if (ThresholdBound.Earliest(g, topology, out _) is not { } earliest)
        {
            return null;
        }
        double[] held = StorageBound.Occupancies(g);
        var release = new double[g.Program.EprPairs.Length];
        for (int o = 0; o < g.OccupancyCount; o++)
        {
            int last = g.OccLastTask[o];
            int p = g.OccPair[o];
            release[p] = Math.Max(release[p], earliest[last] + g.Duration[last] - held[o]);
        }
        return release;
    }

    /// <summary>
    /// The releases with each link's first <paramref name="ahead"/> pairs per generator moved
    /// earlier, so that they are made before the rest are wanted: pairs released at about one time
    /// queue on a generator, and the last of them ends a whole queue late. The i-th pair (by
    /// release) on a generator moves (ahead − i) generations earlier. qft_n29 on four QPUs with
    /// four communication qubits each: QPU 3's five copies to QPU 1 are all wanted at about 8 ms,
    /// when QPU 1's last qubit is done, and only two of its qubits are free before then.
    /// </summary>
    public static double[] MakeAhead(TaskGraph g, Topology.Topology topology, double[] release, int ahead)
    {
        var moved = (double[])release.Clone();
        var byLink = new List<int>[topology.Links.Length];
        foreach (var pair in g.Program.EprPairs)
        {
            (byLink[pair.Link] ??= []).Add(pair.Index);
        }
        for (int l = 0; l < byLink.Length; l++)
        {
            if (byLink[l] is not { } onLink)
            {
                continue;
            }
            int generators = topology.Links[l].ParallelPairs;
            int i = 0;
            foreach (int p in onLink.OrderBy(p => release[p]).ThenBy(p => p).Take(ahead * generators))
            {
                moved[p] = Math.Max(0, release[p] - ((ahead - (i++ / generators)) * g.GenerationTime[p]));
            }
        }
        return moved;
    }

    /// <summary>Per pair: its start in the run, moved a fraction of the way to its latest start by <paramref name="use"/>.</summary>
    private static double[] Releases(TaskGraph g, ListScheduler run, Towards use, double fraction, double[] held)
    {
        var pairs = g.Program.EprPairs;
        var release = new double[pairs.Length];
        foreach (var pair in pairs)
        {
            int p = pair.Index;
            int t = pair.Operation;
            double a = LastUse(g, g.PairOccA[p], run, held), b = LastUse(g, g.PairOccB[p], run, held);
            double latest = use switch
            {
                Towards.FirstUse => Math.Min(FirstUse(g, g.PairOccA[p], run), FirstUse(g, g.PairOccB[p], run)) - g.Duration[t],
                Towards.LastUse => Math.Min(a, b),
                _ => Math.Max(Finite(a), Finite(b)),
            };
            if (!double.IsFinite(latest))
            {
                latest = run.Start[t];
            }
            release[p] = Math.Max(0, run.Start[t] + (fraction * Math.Max(0, latest - run.Start[t])));
        }
        return release;
    }

    private static double Finite(double x) => double.IsFinite(x) ? x : double.NegativeInfinity;

    private static double LastUse(TaskGraph g, int occ, ListScheduler run, double[] held) =>
        occ < 0 ? double.PositiveInfinity : run.End[g.OccLastTask[occ]] - held[occ];

    private static double FirstUse(TaskGraph g, int occ, ListScheduler run) =>
        occ < 0 || g.OccFirstUse[occ] < 0 ? double.PositiveInfinity : run.Start[g.OccFirstUse[occ]];

    public static double Makespan(TaskGraph g, ListScheduler run)
    {
        double end = 0;
        for (int t = 0; t < g.Count; t++)
        {
            if (g.IsTask[t])
            {
                end = Math.Max(end, run.End[t]);
            }
        }
        return end;
    }
}
