namespace Qdc.Compiler.Scheduling;

/// <summary>
/// Longest paths through a <see cref="TaskGraph"/> with unlimited QPUs and links: each task's
/// earliest start, and the program's end. A run of commuting diagonal tasks on one qubit cannot
/// overlap there, so its closer waits at least for the run done back to back from its members'
/// earliest starts (the one-machine bound with release times).
/// </summary>
internal static class PathBound
{
    /// <param name="pairsTakeTime">False for the critical path (free, instant entanglement); true to let each pair take its generation and distillation.</param>
    /// <param name="floor">Per task, a start it cannot beat for other reasons, or null.</param>
    public static double End(TaskGraph g, bool pairsTakeTime, out double[] earliest, double[]? floor = null)
    {
        earliest = new double[g.Count];
        double end = 0;
        int group = 0;
        int groups = g.GroupCloser.Length;
        for (int t = 0; t < g.Count; t++)
        {
            if (!g.IsTask[t])
            {
                continue;
            }
            // Closed runs are listed in their closers' order.
            while (group < groups && g.GroupCloser[group] == t)
            {
                earliest[t] = Math.Max(earliest[t], RunEnd(g, group++, earliest));
            }
            if (floor is not null)
            {
                earliest[t] = Math.Max(earliest[t], floor[t]);
            }
            double finish = earliest[t] + (g.PairOfTask[t] >= 0 && !pairsTakeTime ? 0 : g.Duration[t]);
            end = Math.Max(end, finish);
            for (int e = g.SuccStart[t]; e < g.SuccStart[t + 1]; e++)
            {
                int s = g.Succ[e];
                earliest[s] = Math.Max(earliest[s], finish + g.SuccLag[e]);
            }
        }
        for (; group < groups; group++)
        {
            end = Math.Max(end, RunEnd(g, group, earliest));
        }
        return end;
    }

    /// <summary>Longest time from each task's start to the program's end (pairs take their time): the scheduler's priority, and tails for the bounds.</summary>
    public static double[] Tails(TaskGraph g)
    {
        var tail = new double[g.Count];
        for (int t = g.Count - 1; t >= 0; t--)
        {
            if (!g.IsTask[t])
            {
                continue;
            }
            double longest = 0;
            for (int e = g.SuccStart[t]; e < g.SuccStart[t + 1]; e++)
            {
                longest = Math.Max(longest, g.SuccLag[e] + tail[g.Succ[e]]);
            }
            tail[t] = g.Duration[t] + longest;
        }
        return tail;
    }

    // max over k of (k-th latest release + the durations of the members released no earlier).
    private static double RunEnd(TaskGraph g, int group, double[] earliest)
    {
        int from = g.GroupStart[group], to = g.GroupStart[group + 1];
        var members = new (double Release, double Duration)[to - from];
        for (int k = from; k < to; k++)
        {
            int m = g.GroupMember[k];
            members[k - from] = (earliest[m], g.Duration[m]);
        }
        Array.Sort(members, (a, b) => b.Release.CompareTo(a.Release));
        double work = 0, end = 0;
        foreach (var (release, duration) in members)
        {
            work += duration;
            end = Math.Max(end, release + work);
        }
        return end;
    }
}
