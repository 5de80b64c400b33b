using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;

namespace Qdc.Tests.Scheduling;

/// <summary>The success estimate's causes, and what counts as a qubit idling.</summary>
public class SuccessEstimateTests
{
    private static Schedule Run(Circuit circuit)
    {
        var topology = DistributionFixtures.AllToAll(1, circuit.QubitCount);
        var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1, MaxDegreeOfParallelism = 1 })!;
        return Scheduler.Schedule(Distributor.Lower(placement, topology), topology, new SchedulerOptions(), out string? why)
            ?? throw new InvalidOperationException(why);
    }

    /// <summary>
    /// q0 waits while q1 runs 200 gates and is measured; with <paramref name="measured"/> q0 is
    /// measured before the wait and reset after it (on q1's bit, so the reset cannot run early).
    /// </summary>
    private static Circuit Waiting(bool measured)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.AddClassicalRegister("c", 2);
        b.Gate("h", 0);
        if (measured)
        {
            b.Measure(0, 0);
        }
        for (int i = 0; i < 200; i++)
        {
            b.Gate("rx", [0.1 * (i + 1)], 1);
        }
        b.Measure(1, 1);
        if (measured)
        {
            b.Add(new ResetOperation(0, new Condition([1], 1)));
        }
        b.Gate("cx", 0, 1);
        return b.Build();
    }

    [Fact]
    public void AQubitIdlesOnlyWhileItHoldsState()
    {
        var live = Run(Waiting(measured: false));
        var dead = Run(Waiting(measured: true));
        double t2 = DistributionFixtures.AllToAll(1, 2).Qpus[0].T2;
        // q1's gates run back to back, so all the idling is q0's, between its h and the cx.
        int cx = live.Program.Circuit.Operations.Length - 1;
        double waited = live.OperationStart[cx] - live.OperationEnd[0];
        Assert.True(waited > 0);
        Assert.Equal(-waited / t2 / Math.Log(10), live.Success.Log10Idle, 9);
        // Measured before the wait, q0 holds no state until its reset, which waits for q1's bit:
        // only the stretch from the reset to the cx counts (counting from the h would take most of the wait).
        var ops = dead.Program.Circuit.Operations;
        int reset = Enumerable.Range(0, ops.Length).Single(i => ops[i] is ResetOperation);
        double held = dead.OperationStart[ops.Length - 1] - dead.OperationEnd[reset];
        Assert.Equal(-held / t2 / Math.Log(10), dead.Success.Log10Idle, 9);
        Assert.True(held < waited / 10, $"{held} against {waited}");
    }

    [Fact]
    public void TheCausesAddUpToTheEstimate()
    {
        var schedule = Run(Waiting(measured: false));
        var s = schedule.Success;
        Assert.Equal(s.Log10Gates + s.Log10Pairs + s.Log10Idle, schedule.Log10SuccessProbability, 12);
        Assert.True(s.Log10Gates < 0);
        Assert.Equal(0, s.Log10Pairs);
    }
}
