using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Simulation;
using Qdc.Tests.Scheduling;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

/// <summary>
/// Entanglement swapping: a copy or a teleport that crosses a QPU with none of the run's gates
/// uses one pair per link, joined by a Bell measurement there, and the far end's Pauli-frame
/// corrections make it one pair again. Every branch of the measurements is checked.
/// </summary>
public class SwappingTests
{
    // Always exhaustive: both outcomes of every Bell measurement bit are simulated.
    private static readonly EquivalenceOptions EveryBranch = new() { Seed = 11, InputStates = 4, Exhaustive = ExhaustiveMode.Always };

    private static void AssertEquivalent(Compiler.Partitioning.Placement placement, DistributedProgram program)
    {
        var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, EveryBranch);
        Assert.True(r.Equivalent, r.ToString());
    }

    private static int Steiner(QdcTopology topology, params int[] qpus) => new TopologyMetrics(topology).SteinerCost(qpus);

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ACopyToTheEndOfALineIsSwappedAcrossEveryQpuBetween(int k)
    {
        var topology = DistributionFixtures.Line(k, 2);
        var placement = SwapFixtures.Copies(k, 0, k - 1);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(Steiner(topology, 0, k - 1), program.Ebits);
        Assert.All(program.EbitsByLink, n => Assert.Equal(1L, n));
        Assert.Equal(Enumerable.Range(1, k - 2), program.Swaps.Select(s => s.Qpu));
        Assert.All(program.Swaps, s => Assert.Equal(k - 1, s.FarQpu));
        // No copy of q0 is ever made on a QPU between: their qubits only hold pair halves.
        Assert.All(program.Swaps, s => Assert.Equal([s.PairA, s.PairB], program.EprPairs.Where(p => p.QpuA == s.Qpu || p.QpuB == s.Qpu).Select(p => p.Index)));
        AssertEquivalent(placement, program);
    }

    [Fact]
    public void APassThroughOnOneBranchIsSwappedAndTheBranchingPointRelays()
    {
        // q0 on QPU 1 of a line of 4 needs copies on QPUs 0 and 3: QPU 2 only passes one on.
        var topology = DistributionFixtures.Line(4, 2);
        var placement = SwapFixtures.Copies(4, 1, 0, 3);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(3, program.Ebits);
        Assert.Equal(2, Assert.Single(program.Swaps).Qpu);
        AssertEquivalent(placement, program);
    }

    [Fact]
    public void ABranchingSteinerPointKeepsRelaying()
    {
        // Copies from QPU 1 to QPUs 2 and 3 of a star go through the hub, which serves both.
        var topology = DistributionFixtures.Star(4, 2);
        var placement = SwapFixtures.Copies(4, 1, 2, 3);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(Steiner(topology, 1, 2, 3), program.Ebits);
        Assert.Empty(program.Swaps);
        Assert.Equal(2, program.PeakCommQubits[0]);
        AssertEquivalent(placement, program);
    }

    [Fact]
    public void WithSwappingOffTheCopyIsRelayed()
    {
        var topology = DistributionFixtures.Line(4, 2) with { Swapping = false };
        var placement = SwapFixtures.Copies(4, 0, 3);
        var program = Distributor.Lower(placement, topology);
        Assert.Equal(3, program.Ebits);
        Assert.Empty(program.Swaps);
        AssertEquivalent(placement, program);
    }

    [Fact]
    public void ATeleportTwoHopsAwayGoesOverOneSwappedPairEachWay()
    {
        var placement = DistributionFixtures.ThreeRunsAway(away: 2);
        var topology = DistributionFixtures.Line(3, 2);
        var program = Distributor.Lower(placement, topology, SwapFixtures.Auto);
        Assert.Equal(4, program.Ebits);
        Assert.All(program.EprPairs, p => Assert.Equal(EprUse.Teleport, p.Use));
        Assert.Equal([1, 1], program.Swaps.Select(s => s.Qpu));
        Assert.Equal([2, 0], program.Swaps.Select(s => s.FarQpu));
        AssertEquivalent(placement, program);
    }

    [Theory]
    [InlineData("x", 3, 0)]
    [InlineData("z", 3, 0)]
    [InlineData("x", 4, 1)]
    [InlineData("z", 4, 1)]
    public void ADroppedSwapCorrectionIsCaught(string gate, int k, int swap)
    {
        var placement = SwapFixtures.Copies(k, 0, k - 1);
        var program = Distributor.Lower(placement, DistributionFixtures.Line(k, 2));
        var s = program.Swaps[swap];
        var broken = SwapFixtures.WithoutCorrection(program, gate, gate == "x" ? s.XClbit : s.ZClbit);
        var r = Equivalence.Check(placement.Normalized, broken, program.DataQubitMap, EveryBranch);
        Assert.False(r.Equivalent, r.ToString());
    }

    [Fact]
    public void ADroppedTeleportSwapCorrectionIsCaught()
    {
        var placement = DistributionFixtures.ThreeRunsAway(away: 2);
        var program = Distributor.Lower(placement, DistributionFixtures.Line(3, 2), SwapFixtures.Auto);
        foreach (var s in program.Swaps)
        {
            foreach (var (gate, clbit) in new[] { ("x", s.XClbit), ("z", s.ZClbit) })
            {
                var r = Equivalence.Check(placement.Normalized, SwapFixtures.WithoutCorrection(program, gate, clbit), program.DataQubitMap, EveryBranch);
                Assert.False(r.Equivalent, $"{s.Tag} without its {gate}: {r}");
            }
        }
    }

    [Fact]
    public void TheScheduleHasASwapAfterBothPairsAndMessagesToTheFarEnd()
    {
        var topology = DistributionFixtures.Line(4, 2);
        var program = Distributor.Lower(SwapFixtures.Copies(4, 0, 3), topology);
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out string? why) ?? throw new InvalidOperationException(why);
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
        var entries = ScheduleEntries.Of(schedule);
        var swaps = entries.Where(e => e.Kind == "swap").ToList();
        Assert.Equal(program.Swaps.Select(s => s.Tag), swaps.Select(e => e.Name).Order(StringComparer.Ordinal));
        foreach (var s in program.Swaps)
        {
            var entry = swaps.Single(e => e.Name == s.Tag);
            Assert.Equal(topology.Qpus[s.Qpu].Id, entry.Qpu);
            Assert.Equal(topology.Qpus[s.FarQpu].Id, entry.To);
            Assert.True(entry.Start >= schedule.Pairs[s.PairA].Delivered && entry.Start >= schedule.Pairs[s.PairB].Delivered, $"{s.Tag} starts before its pairs exist");
            foreach (int bit in new[] { s.ZClbit, s.XClbit })
            {
                var arrival = schedule.Messages.Single(m => m.Clbit == bit && m.To == s.FarQpu);
                Assert.True(arrival.End <= entry.End && arrival.Start >= entry.Start, $"{s.Tag}'s bit {bit} travels outside it");
            }
        }
    }
}
