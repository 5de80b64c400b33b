using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Simulation;

namespace Qdc.Tests.Distribution;

public class TeledataTests
{
    private static readonly EquivalenceOptions Check = new() { Seed = 7, InputStates = 4, BranchesPerState = 8, MaxExhaustiveMeasurements = 10 };
    private static readonly DistributionOptions Auto = new() { Strategy = DistributionStrategy.Auto };

    private static Placement ThreeRunsAway(int away = 1) => DistributionFixtures.ThreeRunsAway(away);

    [Fact]
    public void ThreeRunsOnOneNeighbourTeleportThereAndBackForTwoPairs()
    {
        var placement = ThreeRunsAway();
        var topology = DistributionFixtures.AllToAll(2, 2);
        var telegate = Distributor.Lower(placement, topology);
        Assert.Equal(3, telegate.Ebits);
        var teledata = Distributor.Lower(placement, topology, Auto);
        Assert.Equal(2, teledata.Ebits);
        // The second pair's receiving half is q0's own (measured, then reset) data qubit.
        Assert.Equal(teledata.DataQubitMap[0], teledata.EprPairs[1].QubitB);
        foreach (var program in new[] { telegate, teledata })
        {
            var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, Check);
            Assert.True(r.Equivalent, r.ToString());
        }
    }

    [Fact]
    public void AQpuTwoHopsAwayIsReachedOverASwappedPair()
    {
        var placement = ThreeRunsAway(away: 2);
        var topology = DistributionFixtures.Line(3, 2);
        var telegate = Distributor.Lower(placement, topology);
        Assert.Equal(6, telegate.Ebits);
        var teledata = Distributor.Lower(placement, topology, Auto);
        Assert.Equal(4, teledata.Ebits);
        Assert.Equal([2L, 2L], teledata.EbitsByLink.ToArray());
        // The QPU between holds both halves it swaps; the far one the teleported qubit and, coming back, its pair half.
        Assert.Equal([1, 2, 2], teledata.PeakCommQubits.ToArray());
        Assert.Equal(2, teledata.Swaps.Length);
        foreach (var program in new[] { telegate, teledata })
        {
            var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, Check);
            Assert.True(r.Equivalent, r.ToString());
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ADroppedTeleportCorrectionIsCaught(int occurrence)
    {
        var placement = ThreeRunsAway();
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(2, 2), Auto);
        // Teleports' corrections come in X, Z order: 0 and 1 belong to the way out, 2 and 3 to the way back.
        var broken = DistributionFixtures.DropCorrection(program.Circuit, occurrence % 2 == 0 ? "x" : "z", occurrence / 2);
        var r = Equivalence.Check(placement.Normalized, broken, program.DataQubitMap, Check);
        Assert.False(r.Equivalent, r.ToString());
    }

    [Fact]
    public void TwoRunsStayTelegates()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("cz", 0, 1).Gate("h", 0).Gate("cz", 0, 1);
        var source = b.Build();
        var placement = new Placement(source, [0, 1], [new(0, 1, GateRealization.Telegate), new(2, 1, GateRealization.Telegate)], 2, [1, 1], CircuitHypergraph.Build(source));
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(2, 2), Auto);
        Assert.Equal(2, program.Ebits);
        Assert.All(program.EprPairs, p => Assert.True(program.IsCommQubit[p.QubitB]));
    }

    [Fact]
    public void TheTeledataStrategyTeleportsEvenTwoRuns()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 2);
        b.Gate("ry", [0.4], 0).Gate("cz", 0, 1).Gate("h", 0).Gate("cp", [0.8], 0, 1).Gate("rx", [0.2], 0);
        var source = b.Build();
        var placement = new Placement(source, [0, 1], [new(1, 1, GateRealization.Telegate), new(3, 1, GateRealization.Telegate)], 2, [1, 1], CircuitHypergraph.Build(source));
        var topology = DistributionFixtures.AllToAll(2, 2);
        Assert.All(Distributor.Lower(placement, topology, Auto).EprPairs, p => Assert.Equal(EprUse.CatEntangle, p.Use));
        var program = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Teledata });
        Assert.Equal(2, program.Ebits);
        Assert.All(program.EprPairs, p => Assert.Equal(EprUse.Teleport, p.Use));
        var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, Check);
        Assert.True(r.Equivalent, r.ToString());
    }

    [Fact]
    public void AQpuWithOneCommQubitIsNeverVisited()
    {
        // A visitor would fill the only communication qubit and could not leave: the runs stay telegates.
        var placement = ThreeRunsAway();
        var program = Distributor.Lower(placement, DistributionFixtures.AllToAll(2, 2, commQubits: 1), Auto);
        Assert.All(program.EprPairs, p => Assert.Equal(EprUse.CatEntangle, p.Use));
        Assert.Equal(3, program.Ebits);
    }
}
