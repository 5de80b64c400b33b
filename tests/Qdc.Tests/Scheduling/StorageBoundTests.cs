using Qdc.Circuits.Gates;
using Qdc.Compiler.Scheduling;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Scheduling;

/// <summary><see cref="Scheduler.LowerBound"/> where the communication qubits decide (the random-program proof is in <see cref="SchedulerPropertyTests"/>).</summary>
public class StorageBoundTests
{
    [Fact]
    public void OneCommunicationQubitHoldsEachPairThroughItsTelegate()
    {
        // Four telegates out of QPU 0, whose one comm qubit each occupies from generation to disentangle.
        var topology = DistributionFixtures.AllToAll(3, 2, commQubits: 1);
        var b = new CatTelegate(topology, perQpu: 2, comm: 1);
        for (int i = 0; i < 4; i++)
        {
            b.Telegate(0, i % 2, 1 + (i % 2), 0, Gate.Create("cz"));
        }
        var (makespan, bound, pair) = Scheduled(b, topology);
        // The bound sees two pairs per link; the comm qubit serialises all four.
        Assert.True(bound > 4 * pair, $"{bound}");
        Assert.InRange(makespan, bound, bound * 1.05);
    }

    [Fact]
    public void PairsThatMustOutliveAChainOnOtherLinksWaitForTheQubits()
    {
        // Four telegates into qubit 0 of QPU 1 from QPU 0, then four from QPU 2: each cx waits for the one
        // before it, so every copy from QPU 2 is alive after the fourth pair of the 0–1 link is made. Of
        // those four, QPU 1's two comm qubits can hold two before then; the other two are made after it.
        var topology = DistributionFixtures.AllToAll(3, 2, commQubits: 2);
        var b = new CatTelegate(topology, perQpu: 2, comm: 2);
        for (int i = 0; i < 8; i++)
        {
            b.Telegate(i < 4 ? 0 : 2, 0, 1, 0, Gate.Create("cx"), slot: i % 2);
        }
        var (makespan, bound, pair) = Scheduled(b, topology);
        // Chain, link and comm-qubit jobs alone give four pairs' time.
        Assert.True(bound >= 6 * pair, $"{bound}");
        Assert.True(bound <= makespan, $"{bound} above {makespan}");
    }

    [Fact]
    public void FivePairsOnTwoCommunicationQubitsTakeThreePairsTime()
    {
        // QPU 0 sends one telegate to each of QPUs 1–5, on its own qubits and its own link: nothing
        // orders them, and each link carries one pair. Its two comm qubits hold 2.5 pairs' time on
        // average, but one of them holds three pairs in turn.
        var topology = DistributionFixtures.AllToAll(6, 5, commQubits: 2);
        var b = new CatTelegate(topology, perQpu: 5, comm: 2);
        for (int i = 0; i < 5; i++)
        {
            b.Telegate(0, i, 1 + i, 0, Gate.Create("cz"), slot: i % 2);
        }
        var (makespan, bound, pair) = Scheduled(b, topology);
        Assert.True(bound >= 3 * pair, $"{bound}");
        Assert.InRange(makespan, bound, bound * 1.02);
    }

    // The schedule's makespan, the lower bound and one pair's generation time on link 0.
    private static (double Makespan, double Bound, double Pair) Scheduled(CatTelegate b, Compiler.Topology.Topology topology)
    {
        var program = b.Build();
        var options = new SchedulerOptions();
        var schedule = Scheduler.Schedule(program, topology, options, out _)!;
        return (schedule.MakespanSeconds, Scheduler.LowerBound(program, topology, options)!.Value, 1 / topology.Links[0].EprRate);
    }
}
