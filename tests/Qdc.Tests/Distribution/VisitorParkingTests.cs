using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Simulation;
using Qdc.Tests.Scheduling;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

/// <summary>
/// A teleported qubit parked on a data qubit its new QPU leaves empty: the communication qubit it
/// landed in is free again, the program still computes the source, and the lowering chooses
/// between parking and not by the cost it is given.
/// </summary>
public class VisitorParkingTests
{
    private static readonly EquivalenceOptions Check = new() { Seed = 11, InputStates = 3, BranchesPerState = 6, MaxExhaustiveMeasurements = 10 };
    private static readonly DistributionOptions Auto = new() { Strategy = DistributionStrategy.Auto };
    private static readonly DistributionOptions Unparked = Auto with { ParkVisitors = false };

    /// <summary>q0 and q1 (QPU 0) each meet q2 and q3 (QPU 1) in three runs, interleaved, so their stays on QPU 1 overlap.</summary>
    private static Placement TwoVisitors()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("ry", [0.7], 0).Gate("ry", [1.1], 1);
        var gates = new List<GatePlacement>();
        for (int round = 0; round < 3; round++)
        {
            gates.Add(new GatePlacement(b.OperationCount, 1, GateRealization.Telegate));
            b.Gate("cz", 0, 2 + (round % 2)).Gate("h", 0);
            gates.Add(new GatePlacement(b.OperationCount, 1, GateRealization.Telegate));
            b.Gate("cp", [0.4 + round], 1, 3).Gate("h", 1);
        }
        var source = b.Build();
        return new Placement(source, [0, 0, 1, 1], [.. gates], 6, [2, 2], CircuitHypergraph.Build(source));
    }

    /// <summary>q0 (QPU 0) meets q2 and q3 (QPU 1) in three runs, then q1 at home, then QPU 1 again for three more: two stays.</summary>
    private static Placement TwoStays()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("ry", [0.7], 0).Gate("h", 1);
        var gates = new List<GatePlacement>();
        void Stay()
        {
            for (int run = 0; run < 3; run++)
            {
                gates.Add(new GatePlacement(b.OperationCount, 1, GateRealization.Telegate));
                b.Gate("cp", [0.5 + run], 0, 2 + (run % 2)).Gate("h", 0);
            }
        }
        Stay();
        gates.Add(new GatePlacement(b.OperationCount, 0, GateRealization.Telegate));
        b.Gate("cx", 0, 1).Gate("h", 0);
        Stay();
        var source = b.Build();
        return new Placement(source, [0, 0, 1, 1], [.. gates], 6, [2, 2], CircuitHypergraph.Build(source));
    }

    private static void AssertEquivalent(Placement placement, DistributedProgram program)
    {
        var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, Check);
        Assert.True(r.Equivalent, r.ToString());
    }

    private static int DataQubitsOn(DistributedProgram program, int qpu) =>
        Enumerable.Range(0, program.QpuOfQubit.Length).Count(q => program.QpuOfQubit[q] == qpu && !program.IsCommQubit[q]);

    [Fact]
    public void AVisitorParksOnASpareDataQubitAndGivesItsCommQubitBack()
    {
        var placement = DistributionFixtures.ThreeRunsAway(1);
        var topology = DistributionFixtures.AllToAll(2, 3);
        var parked = Distributor.Lower(placement, topology, Auto);
        var unparked = Distributor.Lower(placement, topology, Unparked);
        Assert.Equal(1, parked.ParkedVisits);
        Assert.Equal(0, unparked.ParkedVisits);
        Assert.Equal(2, parked.Ebits);
        Assert.Equal(2, unparked.Ebits);
        // Unparked, QPU 1 holds the visitor in one communication qubit and its way home in another.
        Assert.Equal(2, unparked.PeakCommQubits[1]);
        Assert.Equal(1, parked.PeakCommQubits[1]);
        // The spare is one of QPU 1's data qubits, never more than it has.
        Assert.Equal(2, DataQubitsOn(unparked, 1));
        Assert.Equal(3, DataQubitsOn(parked, 1));
        AssertEquivalent(placement, parked);
        AssertEquivalent(placement, unparked);
    }

    [Fact]
    public void AQpuWithoutASpareDataQubitKeepsItsVisitorInTheCommQubit()
    {
        var placement = DistributionFixtures.ThreeRunsAway(1);
        var topology = DistributionFixtures.AllToAll(2, 2);
        var parked = Distributor.Lower(placement, topology, Auto);
        Assert.Equal(0, parked.ParkedVisits);
        Assert.Equal(Distributor.Lower(placement, topology, Unparked).Circuit.Operations.Select(o => o.ToString()), parked.Circuit.Operations.Select(o => o.ToString()));
    }

    [Fact]
    public void ParkedVisitorsNeedNotBeSentHomeEarly()
    {
        var placement = TwoVisitors();
        var topology = DistributionFixtures.AllToAll(2, 4);
        var parked = Distributor.Lower(placement, topology, Auto);
        var unparked = Distributor.Lower(placement, topology, Unparked);
        // Unparked, a second visitor on QPU 1's two communication qubits sends the first home early, and it comes back.
        Assert.True(unparked.SerialisationEbits > 0, $"{unparked.SerialisationEbits}");
        Assert.Equal(2, parked.ParkedVisits);
        Assert.Equal(0, parked.SerialisationEbits);
        Assert.Equal(4, parked.Ebits);
        Assert.True(parked.Ebits < unparked.Ebits);
        Assert.Equal(4, DataQubitsOn(parked, 1));
        AssertEquivalent(placement, parked);
        AssertEquivalent(placement, unparked);
        var options = new SchedulerOptions();
        foreach (var program in new[] { parked, unparked })
        {
            var schedule = Scheduler.Schedule(program, topology, options, out string? why);
            Assert.True(schedule is not null, why);
            Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
        }
        Assert.True(Scheduler.Schedule(parked, topology, options, out _)!.MakespanSeconds < Scheduler.Schedule(unparked, topology, options, out _)!.MakespanSeconds);
    }

    [Fact]
    public void ASpareUsedBeforeIsResetBeforeTheNextVisitorParks()
    {
        var placement = TwoStays();
        var topology = DistributionFixtures.AllToAll(2, 3);
        var program = Distributor.Lower(placement, topology, Auto);
        Assert.Equal(2, program.ParkedVisits);
        Assert.Equal(4, program.Ebits);
        AssertEquivalent(placement, program);
        // The teleport home measured the spare; the second park resets it first (the first found it fresh).
        Assert.Single(program.Circuit.Operations, op => op is ResetOperation && op.Qubits[0] is int r && program.QpuOfQubit[r] == 1 && !program.IsCommQubit[r] && program.DataQubitMap.IndexOf(r) < 0);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ParkedProgramsRunAsNodeProgramsAndJoinBackToTheSource(bool twoStays)
    {
        var placement = twoStays ? TwoStays() : TwoVisitors();
        var topology = DistributionFixtures.AllToAll(2, twoStays ? 3 : 4);
        var program = Distributor.Lower(placement, topology, Auto);
        Assert.True(program.ParkedVisits > 0);
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out string? why);
        Assert.True(schedule is not null, why);
        var bag = new DiagnosticBag();
        var nodes = Qdc.Compiler.Emission.NodeEmitter.Emit(program, topology, bag, schedule);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        // QPU 1's node declares the spares among its data qubits, never more than it has.
        Assert.Contains($"qubit[{topology.Qpus[1].DataQubits}] data;", nodes[1].Text, StringComparison.Ordinal);
        var (joined, diagnostics) = Qdc.Tests.Emission.NodeFixtures.Join(nodes.Select(n => (n.FileName, n.Text)));
        Assert.True(joined is not null, string.Join("\n", diagnostics.Items));
        var r = Qdc.Tests.Emission.NodeFixtures.Validate(placement.Normalized, joined);
        Assert.True(r.Equivalent, r.ToString());
    }

    [Fact]
    public void ADroppedParkingCxIsCaught()
    {
        var placement = DistributionFixtures.ThreeRunsAway(1);
        var topology = DistributionFixtures.AllToAll(2, 3);
        var program = Distributor.Lower(placement, topology, Auto);
        var ops = program.Circuit.Operations;
        // The park is two CX between a communication qubit and a data qubit of the same QPU, back to back.
        int at = Enumerable.Range(0, ops.Length - 1).Single(i => IsParkingCx(program, ops[i]) && IsParkingCx(program, ops[i + 1]));
        for (int drop = at; drop <= at + 1; drop++)
        {
            var broken = program.Circuit.WithOperations(ops.RemoveAt(drop));
            Assert.False(Equivalence.Check(placement.Normalized, broken, program.DataQubitMap, Check).Equivalent, $"dropping operation {drop}");
        }
    }

    [Fact]
    public void TheLowerBestCostDecidesWhetherToPark()
    {
        var placement = TwoVisitors();
        var topology = DistributionFixtures.AllToAll(2, 4);
        var bag = new DiagnosticBag();
        Assert.Equal(0, Distributor.LowerBest(placement, topology, Auto, bag, cost: p => p.ParkedVisits)!.Value.Program.ParkedVisits);
        Assert.Equal(2, Distributor.LowerBest(placement, topology, Auto, bag, cost: p => -p.ParkedVisits)!.Value.Program.ParkedVisits);
        // Without a cost the options decide, and on a tie of costs the fewer pairs win.
        Assert.Equal(2, Distributor.LowerBest(placement, topology, Auto, bag)!.Value.Program.ParkedVisits);
        Assert.Equal(2, Distributor.LowerBest(placement, topology, Auto, bag, cost: _ => 1)!.Value.Program.ParkedVisits);
        Assert.Equal(0, Distributor.LowerBest(placement, topology, Unparked, bag, cost: p => -p.ParkedVisits)!.Value.Program.ParkedVisits);
        Assert.Empty(bag.Items);
    }

    private static bool IsParkingCx(DistributedProgram program, Operation op) =>
        op is GateOperation { Gate.Name: "cx", Condition: null, Qubits: [int a, int b] }
        && program.QpuOfQubit[a] == program.QpuOfQubit[b] && program.IsCommQubit[a] != program.IsCommQubit[b];
}
