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
    /// <summary>
    /// Above this many tasks the greedy grant rule is not tried: it only adds a run that may
    /// deadlock, and the 1,000,000-gate programs must schedule in seconds.
    /// </summary>
    internal const int GreedyTaskLimit = 200_000;

    /// <summary>The schedule, or null with the reason when it is infeasible (the requested pair fidelity is out of reach).</summary>
    public static Schedule? Schedule(DistributedProgram program, Topology.Topology topology, SchedulerOptions options, out string? infeasible)
    {
        if (Plans(program, topology, options, out infeasible) is not { } plans)
        {
            return null;
        }
        var metrics = new TopologyMetrics(topology);
        var graph = new TaskGraph(program, topology, metrics, plans);
        double critical = PathBound.End(graph, pairsTakeTime: false, out _);
        var warnings = new List<string>();
        var (slots, demand) = Slots(graph, topology, warnings);
        // The graph that keeps commuting operations in program order as well: a schedule of it obeys
        // every constraint of the commuting one, and list scheduling sometimes does better with it.
        ListScheduler? run = null;
        double best = double.PositiveInfinity;
        var rules = options.Rules;
        if (graph.Count > GreedyTaskLimit && rules.Any(r => r != GrantRule.Greedy))
        {
            rules = [.. rules.Where(r => r != GrantRule.Greedy)];
        }
        foreach (var g in new[] { graph, new TaskGraph(program, topology, metrics, plans, commute: false) })
        {
            double[] tail = PathBound.Tails(g);
            ListScheduler Make(GrantRule rule, double[]? release, EprTiming timing) => new(g, topology, slots, demand, timing, tail, rule, release);
            // Each rule as it is, and with every pair held back to its occupancies' earliest ends (small
            // programs), then with each link's first one to three pairs per generator made that much ahead.
            var runs = new List<(double[]? Release, EprTiming Timing)> { (null, options.Timing) };
            if (options.Timing == EprTiming.Prefetch && JustInTime.ToEarliestEnds(g, topology) is { } held)
            {
                runs.Add((held, EprTiming.Prefetch));
                foreach (int ahead in new[] { 1, 2, 3 })
                {
                    runs.Add((JustInTime.MakeAhead(g, topology, held, ahead), EprTiming.Prefetch));
                }
            }
            // An on-demand schedule obeys every constraint of a prefetching one, and greedy prefetch can
            // lose to it (qft_n63 on four QPUs with four communication qubits each: 30.03 against
            // 29.32 ms), so it competes too: prefetch is then never longer than on demand.
            if (options.Timing == EprTiming.Prefetch && g.Count <= GreedyTaskLimit)
            {
                runs.Add((null, EprTiming.OnDemand));
            }
            ListScheduler? first = null;
            double firstSpan = double.PositiveInfinity;
            foreach (var (release, timing) in runs)
            {
                foreach (var rule in rules)
                {
                    var candidate = Make(rule, release, timing);
                    if (candidate.Run() && JustInTime.Makespan(g, candidate) is var span && span < firstSpan)
                    {
                        (first, firstSpan) = (candidate, span);
                    }
                }
            }
            if (first is null)
            {
                continue;
            }
            if (options.Timing == EprTiming.Prefetch)
            {
                first = JustInTime.Improve(g, first, [.. rules.Select(rule => (Func<double[], ListScheduler>)(release => Make(rule, release, EprTiming.Prefetch)))]);
                firstSpan = JustInTime.Makespan(g, first);
            }
            if (firstSpan < best)
            {
                (run, best) = (first, firstSpan);
                graph = g;
            }
        }
        if (run is null)
        {
            infeasible = "the communication qubits deadlocked: no order of the program's pairs fits the QPUs' communication qubits";
            return null;
        }
        return ScheduleBuilder.Build(graph, topology, run, plans, options.Timing, critical, warnings);
    }

    /// <summary>
    /// A program's makespan once scheduled (infinite when it cannot be): the cost by which
    /// <see cref="Distributor.LowerBest"/> chooses between lowerings, so a pair saved does not win
    /// at any price in time. Not the estimated success: on millisecond schedules of superconducting
    /// QPUs it is decoherence-dominated (10^-100 and less) and counts each qubit's idle window
    /// between its first and last operation, which rewarded a slower program on QASMBench's dnn_n33.
    /// Each schedule made (null: infeasible) goes into <paramref name="schedules"/> when given, so
    /// the chosen program need not be scheduled again.
    /// </summary>
    public static Func<DistributedProgram, double> MakespanCost(Topology.Topology topology, SchedulerOptions options, IDictionary<DistributedProgram, Schedule?>? schedules = null) =>
        program =>
        {
            var schedule = Schedule(program, topology, options, out _);
            if (schedules is not null)
            {
                schedules[program] = schedule;
            }
            return schedule?.MakespanSeconds ?? double.PositiveInfinity;
        };

    /// <summary>
    /// A proven lower bound on the makespan <see cref="Schedule"/> returns (see <see cref="StorageBound"/>):
    /// at least the max(critical path, busiest link's pairs ÷ rate), and also counting the
    /// pairs' own time on every path and each QPU's communication qubits. Null when infeasible.
    /// </summary>
    public static double? LowerBound(DistributedProgram program, Topology.Topology topology, SchedulerOptions options)
    {
        if (Plans(program, topology, options, out _) is not { } plans)
        {
            return null;
        }
        var graph = new TaskGraph(program, topology, new TopologyMetrics(topology), plans);
        var (slots, _) = Slots(graph, topology, []);
        return StorageBound.Of(graph, topology, slots);
    }

    // Each link's distillation (none when its pairs are good enough), or null when a link cannot reach the fidelity.
    private static DistillationPlan[]? Plans(DistributedProgram program, Topology.Topology topology, SchedulerOptions options, out string? infeasible)
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
        return plans;
    }

    /// <summary>A link's name as report.json's ebitsByLink writes it.</summary>
    public static string LinkName(Topology.Topology topology, int link)
    {
        ArgumentNullException.ThrowIfNull(topology);
        var l = topology.Links[link];
        return $"{topology.Qpus[l.A].Id}--{topology.Qpus[l.B].Id}";
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
