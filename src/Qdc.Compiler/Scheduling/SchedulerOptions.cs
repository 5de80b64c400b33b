namespace Qdc.Compiler.Scheduling;

public sealed record SchedulerOptions
{
    public EprTiming Timing { get; init; } = EprTiming.Prefetch;

    /// <summary>Links whose pairs are worse than this distil them (null: pairs are used as generated).</summary>
    public double? MinPairFidelity { get; init; }

    public DistillationProtocol Protocol { get; init; } = DistillationProtocol.Dejmps;

    /// <summary>
    /// The grant rules tried, the shortest run kept; tests pin one. Greedy is tried only on programs
    /// of up to <see cref="Scheduler.GreedyTaskLimit"/> tasks, and a run of it that deadlocks is dropped.
    /// </summary>
    internal IReadOnlyList<GrantRule> Rules { get; init; } = [GrantRule.Cautious, GrantRule.Reserve, GrantRule.Greedy];
}
