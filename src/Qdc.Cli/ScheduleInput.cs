using System.CommandLine;
using System.Globalization;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;

namespace Qdc.Cli;

/// <summary>compile's scheduling options (--min-pair-fidelity, --epr-timing, --distillation) and running the scheduler with them.</summary>
internal sealed class ScheduleInput
{
    public Option<double?> MinPairFidelity { get; } = new("--min-pair-fidelity")
    {
        Description = "Links whose pairs are worse than this fidelity distil them (recurrence rounds; exit 4 if it cannot be reached).",
    };

    public Option<string> Timing { get; } = new("--epr-timing")
    {
        Description = "prefetch: generate pairs ahead of need when a communication qubit and a generator are free; on-demand: only when the gate is reached (the baseline).",
        DefaultValueFactory = _ => "prefetch",
    };

    public Option<string> Protocol { get; } = new("--distillation")
    {
        Description = "The recurrence protocol for --min-pair-fidelity: dejmps or bbpssw.",
        DefaultValueFactory = _ => "dejmps",
    };

    public ScheduleInput()
    {
        Timing.AcceptOnlyFromAmong("prefetch", "on-demand");
        Protocol.AcceptOnlyFromAmong("dejmps", "bbpssw");
    }

    public IEnumerable<Option> All => [MinPairFidelity, Timing, Protocol];

    /// <summary>The scheduler's options as given (an out-of-range --min-pair-fidelity is left for <see cref="Run"/> to refuse).</summary>
    public SchedulerOptions Options(ParseResult parse) => new()
    {
        MinPairFidelity = parse.GetValue(MinPairFidelity),
        Timing = parse.GetValue(Timing) == "on-demand" ? EprTiming.OnDemand : EprTiming.Prefetch,
        Protocol = parse.GetValue(Protocol) == "bbpssw" ? DistillationProtocol.Bbpssw : DistillationProtocol.Dejmps,
    };

    // The schedules Cost made, by program (reference): Run reuses the chosen program's.
    private readonly Dictionary<DistributedProgram, Schedule?> _scheduled = new(ReferenceEqualityComparer.Instance);

    /// <summary>What <see cref="Distributor.LowerBest"/> minimises between two lowerings (<see cref="Scheduler.MakespanCost"/>).</summary>
    public Func<DistributedProgram, double> Cost(ParseResult parse, Compiler.Topology.Topology topology) =>
        Scheduler.MakespanCost(topology, Options(parse), _scheduled);

    /// <summary>The schedule, or null with the exit code after saying why on stderr.</summary>
    public Schedule? Run(ParseResult parse, DistributedProgram program, Compiler.Topology.Topology topology, TextWriter stderr, out int exitCode)
    {
        exitCode = ExitCodes.Success;
        double? min = parse.GetValue(MinPairFidelity);
        if (min is { } f && !(f > 0 && f <= 1))
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qdc: --min-pair-fidelity must be in (0, 1], not {f}"));
            exitCode = ExitCodes.Usage;
            return null;
        }
        string? infeasible = null;
        var schedule = _scheduled.TryGetValue(program, out var made) && made is not null
            ? made
            : Scheduler.Schedule(program, topology, Options(parse), out infeasible);
        if (schedule is null)
        {
            stderr.WriteLine($"qdc: infeasible: {infeasible}");
            exitCode = ExitCodes.Infeasible;
            return null;
        }
        foreach (var warning in schedule.Warnings)
        {
            stderr.WriteLine($"qdc: warning: {warning}");
        }
        return schedule;
    }
}
