using System.Globalization;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// The scheduling phase's one entry: times every operation of a distributed program against the
/// topology's QPU durations, communication qubits and link generators (see <see cref="ListScheduler"/>).
/// </summary>
public static class Scheduler
{
    /// <summary>The schedule, or null with the reason when it is infeasible (the requested pair fidelity is out of reach).</summary>
    public static Schedule? Schedule(DistributedProgram program, Topology.Topology topology, SchedulerOptions options, out string? infeasible)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(options);
        infeasible = null;
        var plans = new DistillationPlan[topology.Links.Length];
        for (int l = 0; l < plans.Length; l++)
        {
            var link = topology.Links[l];
            plans[l] = DistillationPlan.None(link.EprFidelity);
            if (options.MinPairFidelity is not { } target || link.EprFidelity >= target)
            {
                continue;
            }
            if (Distillation.Plan(link.EprFidelity, target, options.Protocol) is { } plan)
            {
                plans[l] = plan;
            }
            else if (program.EbitsByLink[l] > 0)
            {
                infeasible = string.Create(CultureInfo.InvariantCulture,
                    $"link {LinkName(topology, l)} makes pairs of fidelity {link.EprFidelity:R}, which {options.Protocol.ToString().ToUpperInvariant()} recurrence cannot lift to {target:R} (rounds only help above 1/2, and qdc stops at 20 rounds)");
                return null;
            }
        }
        var metrics = new TopologyMetrics(topology);
        var graph = new TaskGraph(program, topology, metrics, plans);
        double[] tail = Tails(graph);
        double critical = CriticalPath(graph);
        var warnings = new List<string>();
        var (slots, demand) = Slots(graph, topology, warnings);
        var run = new ListScheduler(graph, topology, slots, demand, options.Timing, tail);
        if (!run.Run())
        {
            infeasible = "the communication qubits deadlocked: no order of the program's pairs fits the QPUs' communication qubits";
            return null;
        }
        return ScheduleBuilder.Build(graph, topology, run, plans, options.Timing, critical, warnings);
    }

    /// <summary>A link's name as report.json's ebitsByLink writes it.</summary>
    public static string LinkName(Topology.Topology topology, int link)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var l = topology.Links[link];
        return $"{topology.Qpus[l.A].Id}--{topology.Qpus[l.B].Id}";
    }

    // Longest time from a task's start to the program's end, pairs taking their generation time: the priority.
    private static double[] Tails(TaskGraph g)
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

    // The bound with free, instant entanglement: pairs take no time; gates, measurements and messages do.
    private static double CriticalPath(TaskGraph g)
    {
        var earliest = new double[g.Count];
        double end = 0;
        for (int t = 0; t < g.Count; t++)
        {
            if (!g.IsTask[t])
            {
                continue;
            }
            double finish = earliest[t] + (g.PairOfTask[t] >= 0 ? 0 : g.Duration[t]);
            end = Math.Max(end, finish);
            for (int e = g.SuccStart[t]; e < g.SuccStart[t + 1]; e++)
            {
                int s = g.Succ[e];
                earliest[s] = Math.Max(earliest[s], finish + g.SuccLag[e]);
            }
        }
        return end;
    }

    // Each QPU's communication qubits (more if the program in its own order holds more at once, said
    // in a warning), and per pair position on each QPU the occupancies alive there in program order.
    private static (int[] Slots, int[][] Demand) Slots(TaskGraph g, Topology.Topology topology, List<string> warnings)
    {
        int qpus = topology.QpuCount;
        // Occupancy ids are made in program order, at most one per pair and QPU: a QPU's k-th is its pair position k.
        var events = new List<(long Key, int Occ, int Change)>[qpus];
        for (int v = 0; v < qpus; v++)
        {
            events[v] = [];
        }
        var position = new int[g.OccupancyCount];
        var count = new int[qpus];
        for (int o = 0; o < g.OccupancyCount; o++)
        {
            int v = g.OccQpu[o];
            position[o] = count[v]++;
            long start = g.Program.EprPairs[g.OccPair[o]].Operation;
            events[v].Add((2 * start, o, 1));
            events[v].Add(((2L * g.OccLastTask[o]) + 1, o, -1));
        }
        var slots = new int[qpus];
        var demand = new int[qpus][];
        for (int v = 0; v < qpus; v++)
        {
            demand[v] = new int[count[v]];
            int alive = 0, peak = 0;
            foreach (var (_, occ, change) in events[v].OrderBy(e => e.Key).ThenBy(e => e.Change))
            {
                alive += change;
                if (change > 0)
                {
                    demand[v][position[occ]] = alive;
                }
                peak = Math.Max(peak, alive);
            }
            int granted = topology.Qpus[v].CommQubits;
            slots[v] = Math.Max(granted, peak);
            if (peak > granted)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{topology.Qpus[v].Id}: the program holds {peak} communication qubits at once, the topology grants {granted}; scheduled with {peak}"));
            }
        }
        return (slots, demand);
    }
}
