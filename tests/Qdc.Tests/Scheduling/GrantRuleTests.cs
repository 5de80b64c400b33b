using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Scheduling;

/// <summary>Communication qubits granted out of a QPU's program order: where it pays, and where a careless rule deadlocks.</summary>
public class GrantRuleTests
{
    private static readonly Gate Cx = Gate.Create("cx"), H = Gate.Create("h");

    /// <summary>Superconducting QPUs of two data qubits, a link for each (a, b, latency) given.</summary>
    private static QdcTopology Center(int qpus, int comm, params (int A, int B, double Latency)[] links) =>
        new("grant-test", [.. Enumerable.Range(0, qpus).Select(i => Qpu.FromPreset($"qpu{i}", 2, Platform.Superconducting, comm))],
            [.. links.Select(l => new Link(l.A, l.B, 1000, 1.0, l.Latency, 1))], Swapping: true);

    private static Schedule Run(DistributedProgram program, QdcTopology topology, GrantRule rule)
    {
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions { Rules = [rule] }, out string? why);
        Assert.True(schedule is not null, why);
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
        return schedule;
    }

    [Fact]
    public void AGreedyGrantDeadlocksWhereTheRulesDoNot()
    {
        // One communication qubit each. qpu1's pairs in program order: X from qpu0, then Y from qpu2, whose
        // gate on qpu1's data qubit follows X's there. Y's slow link makes its path the longer, so it is
        // offered first: given qpu1's only qubit, it waits for X, which waits for the qubit.
        var topology = Center(3, 1, (0, 1, 0), (1, 2, 1e-3));
        var b = new CatTelegate(topology, 2, 1);
        b.Telegate(0, 0, 1, 0, Cx);
        b.Telegate(2, 0, 1, 0, Cx);
        var program = b.Build();

        var greedy = Scheduler.Schedule(program, topology, new SchedulerOptions { Rules = [GrantRule.Greedy] }, out string? why);
        Assert.Null(greedy);
        Assert.Contains("deadlocked", why);
        foreach (var rule in new[] { GrantRule.Cautious, GrantRule.Reserve })
        {
            var schedule = Run(program, topology, rule);
            // X first, then Y on the freed qubit.
            Assert.True(schedule.Pairs[1].Start >= schedule.Pairs[0].Delivered, $"{rule}");
        }
        // The default rules include Greedy, whose deadlocked run is dropped.
        Assert.Contains(GrantRule.Greedy, new SchedulerOptions().Rules);
        var fallback = Scheduler.Schedule(program, topology, new SchedulerOptions(), out why);
        Assert.True(fallback is not null, why);
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(fallback), program, topology));
    }

    [Fact]
    public void APairNotYetWantedTakesAQubitAheadOfABlockedEarlierOne()
    {
        // qpu1's pairs in program order: V and X from qpu0 (one generator, so X waits for V's), then Y from
        // qpu2, whose gate waits for W (qpu2 to qpu3) and an h. Reserve generates Y at once beside V: X,
        // the pair it jumps, still finds a qubit when V's is freed. Cautious keeps a qubit for every
        // skipped pair when the jumper's gate does not want it yet, so Y waits for W.
        var topology = Center(4, 2, (0, 1, 1e-5), (1, 2, 1e-5), (2, 3, 1e-5));
        var b = new CatTelegate(topology, 2, 2);
        b.Telegate(0, 0, 1, 0, Cx);
        b.Telegate(0, 1, 1, 1, Cx, slot: 1);
        b.Telegate(2, 0, 3, 0, Cx);
        b.Local(H, b.Data(2, 0));
        b.Telegate(2, 0, 1, 0, Cx, slot: 1);
        var program = b.Build();

        var reserve = Run(program, topology, GrantRule.Reserve);
        var cautious = Run(program, topology, GrantRule.Cautious);
        Assert.Equal(0, reserve.Pairs[3].Start);
        Assert.True(cautious.Pairs[3].Start >= cautious.Pairs[2].Delivered, $"{cautious.Pairs[3].Start}");
        Assert.True(reserve.MakespanSeconds <= cautious.MakespanSeconds, $"{reserve.MakespanSeconds} against {cautious.MakespanSeconds}");
        // The scheduler keeps the shorter of the two.
        var both = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        Assert.Equal(Math.Min(reserve.MakespanSeconds, cautious.MakespanSeconds), both.MakespanSeconds);
    }
}
