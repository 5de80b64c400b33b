namespace Qdc.Compiler.Scheduling;

/// <summary>
/// A lower bound on any makespan the scheduler can produce, stronger than the issue's
/// max(critical path, busiest link's pairs ÷ rate). Three parts, each a proof on its own:
/// <list type="bullet">
/// <item>the longest path with every pair taking its generation (and distillation) time;</item>
/// <item>per link, its pairs as jobs on its generators;</item>
/// <item>per QPU, its communication-qubit occupancies as jobs on its communication qubits: each is
/// held from its pair's generation until its last operation ends, so it lasts at least the longest
/// path from the pair's start through the operations on the pair's two halves.</item>
/// </list>
/// For jobs with release times r, lengths p and tails q on c machines, any subset S gives
/// makespan ≥ min_S r + Σ_S p ÷ c + min_S q, and the same with the ⌈|S| ÷ c⌉ shortest lengths in
/// S summed in place of Σ_S p ÷ c (some machine runs that many of S in turn); the bound tries the
/// subsets of the latest releases, of the longest tails and of the longest jobs.
/// </summary>
internal static class StorageBound
{
    public static double Of(TaskGraph g, Topology.Topology topology, int[] slots)
    {
        double bound = PathBound.End(g, pairsTakeTime: true, out double[] earliest);
        double[] tail = PathBound.Tails(g);
        var pairs = g.Program.EprPairs;

        var linkJobs = new List<Job>[topology.Links.Length];
        for (int l = 0; l < linkJobs.Length; l++)
        {
            linkJobs[l] = [];
        }
        foreach (var pair in pairs)
        {
            int t = pair.Operation;
            double generation = g.GenerationTime[pair.Index];
            linkJobs[pair.Link].Add(new Job(earliest[t], generation, tail[t] - generation));
        }
        for (int l = 0; l < linkJobs.Length; l++)
        {
            bound = Math.Max(bound, Machines(linkJobs[l], topology.Links[l].ParallelPairs));
        }

        double[] held = Occupancies(g);
        var qpuJobs = new List<Job>[topology.QpuCount];
        for (int v = 0; v < qpuJobs.Length; v++)
        {
            qpuJobs[v] = [];
        }
        for (int o = 0; o < g.OccupancyCount; o++)
        {
            int start = pairs[g.OccPair[o]].Operation;
            int last = g.OccLastTask[o];
            qpuJobs[g.OccQpu[o]].Add(new Job(earliest[start], held[o], tail[last] - g.Duration[last]));
        }
        for (int v = 0; v < qpuJobs.Length; v++)
        {
            bound = Math.Max(bound, Machines(qpuJobs[v], slots[v]));
        }
        return Math.Max(bound, ThresholdBound.Of(g, topology, slots, held));
    }

    /// <summary>
    /// Per occupancy, the least time it holds its qubit: the longest path from its pair's start to
    /// its last task's end through the tasks on either half of the pair (a subset of the
    /// constraints, so a lower bound).
    /// </summary>
    internal static double[] Occupancies(TaskGraph g)
    {
        var pairs = g.Program.EprPairs;
        var tasksOfPair = new List<int>?[pairs.Length];
        for (int t = 0; t < g.Count; t++)
        {
            if (!g.IsTask[t] || g.PairOfTask[t] >= 0)
            {
                continue;
            }
            int added = -1;
            for (int k = g.OperandOffset[t]; k < g.OperandOffset[t + 1]; k++)
            {
                int occ = g.OperandOcc[k];
                if (occ >= 0 && g.OccPair[occ] != added)
                {
                    added = g.OccPair[occ];
                    (tasksOfPair[added] ??= []).Add(t);
                }
            }
        }
        var finish = new double[g.Count];
        var arrive = new double[g.Count];
        var stamp = new int[g.Count];
        var held = new double[g.OccupancyCount];
        foreach (var pair in pairs)
        {
            int p = pair.Index;
            int first = pair.Operation;
            int mark = p + 1;
            var tasks = tasksOfPair[p] ?? [];
            tasks.Sort();
            stamp[first] = mark;
            foreach (int t in tasks)
            {
                stamp[t] = mark;
                arrive[t] = 0;
            }
            finish[first] = g.Duration[first];
            Push(first);
            foreach (int t in tasks)
            {
                finish[t] = arrive[t] + g.Duration[t];
                Push(t);
            }
            if (g.PairOccA[p] >= 0)
            {
                held[g.PairOccA[p]] = finish[g.OccLastTask[g.PairOccA[p]]];
            }
            if (g.PairOccB[p] >= 0)
            {
                held[g.PairOccB[p]] = finish[g.OccLastTask[g.PairOccB[p]]];
            }

            void Push(int t)
            {
                for (int e = g.SuccStart[t]; e < g.SuccStart[t + 1]; e++)
                {
                    int s = g.Succ[e];
                    if (stamp[s] == mark)
                    {
                        arrive[s] = Math.Max(arrive[s], finish[t] + g.SuccLag[e]);
                    }
                }
            }
        }
        return held;
    }

    // max over the subsets of the latest releases, of the longest tails and of the longest jobs of
    // min r + max(Σp ÷ c, the ⌈|S| ÷ c⌉ shortest p summed) + min q: one machine runs at least
    // ⌈|S| ÷ c⌉ jobs of S one after another (nine one-millisecond holds on two qubits take 5 ms, not 4.5).
    private static double Machines(List<Job> jobs, int machines)
    {
        if (jobs.Count == 0 || machines <= 0)
        {
            return 0;
        }
        double best = 0;
        var byRelease = jobs.OrderByDescending(j => j.Release).ToList();
        double work = 0, tail = double.PositiveInfinity, shortest = double.PositiveInfinity;
        int count = 0;
        foreach (var j in byRelease)
        {
            work += j.Length;
            tail = Math.Min(tail, j.Tail);
            shortest = Math.Min(shortest, j.Length);
            count++;
            best = Math.Max(best, j.Release + Math.Max(work / machines, PerMachine(count, machines) * shortest) + tail);
        }
        var byTail = jobs.OrderByDescending(j => j.Tail).ToList();
        double release = double.PositiveInfinity;
        work = 0;
        shortest = double.PositiveInfinity;
        count = 0;
        foreach (var j in byTail)
        {
            work += j.Length;
            release = Math.Min(release, j.Release);
            shortest = Math.Min(shortest, j.Length);
            count++;
            best = Math.Max(best, release + Math.Max(work / machines, PerMachine(count, machines) * shortest) + j.Tail);
        }
        // The longest jobs first: the ⌈m ÷ c⌉ shortest of the m longest are the last of the prefix.
        var byLength = jobs.OrderByDescending(j => j.Length).ToArray();
        var prefix = new double[byLength.Length + 1];
        for (int i = 0; i < byLength.Length; i++)
        {
            prefix[i + 1] = prefix[i] + byLength[i].Length;
        }
        release = tail = double.PositiveInfinity;
        for (int m = 1; m <= byLength.Length; m++)
        {
            release = Math.Min(release, byLength[m - 1].Release);
            tail = Math.Min(tail, byLength[m - 1].Tail);
            int k = PerMachine(m, machines);
            best = Math.Max(best, release + (prefix[m] - prefix[m - k]) + tail);
        }
        return best;
    }

    private static int PerMachine(int jobs, int machines) => (jobs + machines - 1) / machines;

    private readonly record struct Job(double Release, double Length, double Tail);
}
