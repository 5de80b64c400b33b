using Qdc.Circuits.Gates;
using Qdc.Compiler.Scheduling;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Scheduling;

/// <summary>Operations diagonal on a data qubit commute there: the scheduler may run them in any order, one at a time.</summary>
public class CommutingTests
{
    private static readonly Gate Cz = Gate.Create("cz"), H = Gate.Create("h");

    [Fact]
    public void LocalDiagonalGatesDoNotWaitForATelegatesPair()
    {
        var topology = DistributionFixtures.AllToAll(2, 3, commQubits: 1);
        var b = new CatTelegate(topology, perQpu: 3, comm: 1);
        b.Telegate(0, 0, 1, 0, Cz);
        int firstLocal = b.Count;
        b.Local(Cz, b.Data(0, 0), b.Data(0, 1));
        b.Local(Cz, b.Data(0, 0), b.Data(0, 2));
        int closer = b.Count;
        b.Local(H, b.Data(0, 0));
        var program = b.Build();
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out string? why) ?? throw new InvalidOperationException(why);
        double pair = 1 / topology.Links[0].EprRate;
        // In program order they would follow the cat-entangle, which waits a whole pair; they commute with it and go first.
        Assert.Equal(0, schedule.OperationStart[firstLocal]);
        Assert.True(schedule.OperationStart[firstLocal + 1] >= schedule.OperationEnd[firstLocal], "one at a time on the shared qubit");
        Assert.True(schedule.OperationEnd[firstLocal + 1] < pair);
        // The h does not commute: it waits for the whole run, the cat-disentangle's z included.
        for (int i = 0; i < closer; i++)
        {
            if (program.Circuit.Operations[i].Qubits.Contains(b.Data(0, 0)))
            {
                Assert.True(schedule.OperationStart[closer] >= schedule.OperationEnd[i], $"h before operation {i} ends");
            }
        }
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
    }

    [Fact]
    public void TheCriticalPathCountsARunBackToBack()
    {
        // Ten commuting gates on one qubit cannot overlap: the bound with free entanglement is ten gate times.
        var topology = DistributionFixtures.AllToAll(2, 2, commQubits: 1);
        var b = new CatTelegate(topology, perQpu: 2, comm: 1);
        for (int i = 0; i < 10; i++)
        {
            b.Local(Cz, b.Data(0, 0), b.Data(0, 1));
        }
        var program = b.Build();
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        double cz = topology.Qpus[0].Durations.TwoQubit;
        Assert.Equal(10 * cz, schedule.CriticalPathSeconds, 12);
        Assert.Equal(10 * cz, schedule.MakespanSeconds, 12);
    }
}
