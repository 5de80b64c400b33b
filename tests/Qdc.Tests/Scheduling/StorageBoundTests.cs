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
        var program = b.Build();
        var options = new SchedulerOptions();
        var schedule = Scheduler.Schedule(program, topology, options, out _)!;
        double bound = Scheduler.LowerBound(program, topology, options)!.Value;
        double pair = 1 / topology.Links[0].EprRate;
        // The bound sees two pairs per link; the comm qubit serialises all four.
        Assert.True(bound > 4 * pair, $"{bound}");
        Assert.InRange(schedule.MakespanSeconds, bound, bound * 1.05);
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
        var program = b.Build();
        var options = new SchedulerOptions();
        var schedule = Scheduler.Schedule(program, topology, options, out _)!;
        double bound = Scheduler.LowerBound(program, topology, options)!.Value;
        double pair = 1 / topology.Links[0].EprRate;
        // Chain, link and comm-qubit jobs alone give four pairs' time.
        Assert.True(bound >= 6 * pair, $"{bound}");
        Assert.True(bound <= schedule.MakespanSeconds, $"{bound} above {schedule.MakespanSeconds}");
    }
}
