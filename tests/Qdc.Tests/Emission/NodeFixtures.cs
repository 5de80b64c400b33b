using System.Collections.Immutable;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Qasm.NodePrograms;
using Qdc.Simulation;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Emission;

/// <summary>The pipeline from a circuit to emitted, re-read and joined node programs, for emission tests.</summary>
internal static class NodeFixtures
{
    public static readonly EquivalenceOptions Check = new() { Seed = 3, InputStates = 2, BranchesPerState = 4, MaxExhaustiveMeasurements = 6 };

    /// <param name="quick">a partitioner that tries little (placement quality does not matter here; worse ones use the network more)</param>
    /// <returns>Empty when the lowering finds the topology's communication qubits too few (a relay through a one-qubit QPU).</returns>
    public static ImmutableArray<NodeProgram> Emit(Circuit source, QdcTopology topology, DistributionStrategy strategy = DistributionStrategy.Telegate, ulong seed = 1, bool quick = false)
    {
        var options = quick ? new PartitionOptions { Seed = seed, Attempts = 1, VCycles = 0, InitialTries = 2, MaxDegreeOfParallelism = 1 } : new PartitionOptions { Seed = seed };
        var placement = CircuitPartitioner.Place(source, topology, options)
            ?? throw new InvalidOperationException("does not fit");
        var bag = new DiagnosticBag();
        if (Distributor.Lower(placement, topology, new DistributionOptions { Strategy = strategy }, bag) is not { } program)
        {
            Assert.Equal(DistributionCodes.TooFewCommQubits, Assert.Single(bag.Items).Code);
            return [];
        }
        var nodes = NodeEmitter.Emit(program, topology, bag);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return nodes;
    }

    /// <summary>As <see cref="Emit"/>, but scheduled and emitted with the timing; null when the lowering or the scheduler finds no way.</summary>
    public static (DistributedProgram Program, Schedule Schedule, ImmutableArray<NodeProgram> Nodes)? Timed(Circuit source, QdcTopology topology, DistributionStrategy strategy = DistributionStrategy.Telegate, ulong seed = 1)
    {
        var options = new PartitionOptions { Seed = seed, Attempts = 1, VCycles = 0, InitialTries = 2, MaxDegreeOfParallelism = 1 };
        var placement = CircuitPartitioner.Place(source, topology, options)
            ?? throw new InvalidOperationException("does not fit");
        var bag = new DiagnosticBag();
        if (Distributor.Lower(placement, topology, new DistributionOptions { Strategy = strategy }, bag) is not { } program
            || Scheduler.Schedule(program, topology, new SchedulerOptions(), out _) is not { } schedule)
        {
            return null;
        }
        var nodes = NodeEmitter.Emit(program, topology, bag, schedule);
        Assert.False(bag.HasErrors, string.Join("\n", bag.Items));
        return (program, schedule, nodes);
    }

    public static NodeProgramSyntax Parse(NodeProgram node)
    {
        var bag = new DiagnosticBag();
        var parsed = QasmFrontEnd.LoadNode(new SourceText($"nodes/{node.FileName}", node.Text), QasmOptions.Default, bag);
        Assert.True(parsed is not null, $"{node.FileName} does not read back:\n{string.Join("\n", bag.Items.Select(d => d.Format()))}\n{node.Text}");
        return parsed!;
    }

    /// <summary>Parses node texts (by file name) and joins them; the diagnostics come back too.</summary>
    public static (JoinedProgram? Joined, DiagnosticBag Diagnostics) Join(IEnumerable<(string File, string Text)> texts)
    {
        var bag = new DiagnosticBag();
        var parsed = texts.Select(t => QasmFrontEnd.LoadNode(new SourceText(t.File, t.Text), QasmOptions.Default, bag)).ToList();
        if (parsed.Any(p => p is null))
        {
            return (null, bag);
        }
        return (NodeJoiner.Join([.. parsed!], bag), bag);
    }

    public static EquivalenceResult Validate(Circuit source, JoinedProgram joined)
    {
        var (reference, candidate) = TerminalMeasurements.StripMatching(source, joined.Circuit);
        return Equivalence.Check(reference, candidate, joined.StartMap, Check with { OutputQubitMap = joined.EndMap });
    }

    public static QdcTopology Load(string path)
    {
        var bag = new DiagnosticBag();
        return TopologyLoader.Load(path, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
    }

    public static Circuit LoadCircuit(string path)
    {
        var bag = new DiagnosticBag();
        return QasmFrontEnd.Load(path, QasmOptions.Default, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
    }
}
