using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Tests.Distribution;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Scheduling;

/// <summary>Random programs on line, ring and all-to-all topologies whose QPUs mix platforms and whose links differ.</summary>
internal static class SchedulerFixtures
{
    private static readonly Platform[] Platforms = [Platform.Superconducting, Platform.TrappedIon, Platform.NeutralAtom];

    public static QdcTopology Mixed(QdcTopology shape, SplitMix64 rng)
    {
        var qpus = shape.Qpus.Select(q => Qpu.FromPreset(q.Id, q.DataQubits, Platforms[rng.Next(Platforms.Length)], 1 + rng.Next(3))).ToList();
        var links = shape.Links.Select(l => new Link(l.A, l.B, 500 + rng.Next(2000), 0.8 + (rng.Next(20) / 100.0), rng.Next(3) * 5e-6, 1 + rng.Next(2))).ToList();
        return new QdcTopology("mixed-test", [.. qpus], [.. links], Swapping: true);
    }

    public static QdcTopology Shape(int kind, int qpus, int capacity) => kind switch
    {
        0 => DistributionFixtures.Line(qpus, capacity),
        1 => DistributionFixtures.Ring(qpus, capacity),
        _ => DistributionFixtures.AllToAll(qpus, capacity),
    };

    /// <summary>A random circuit lowered onto the topology (auto strategy: telegates and teleports), placed by the partitioner.</summary>
    /// <returns>Null when the topology's communication qubits are too few for the placement (a relay through a one-qubit QPU).</returns>
    public static DistributedProgram? Program(int seed, QdcTopology topology, int qubits, int gates, bool hub)
    {
        Circuit source = DistributionFixtures.Random(seed, qubits, gates, hub);
        var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = (ulong)seed, MaxDegreeOfParallelism = 1 })!;
        return Distributor.Lower(placement, topology, null, new DiagnosticBag());
    }

    /// <summary>The same, placed at random (gates on either qubit's QPU or a third): many more pairs, relays and teleports, and fast.</summary>
    public static DistributedProgram? Scattered(int seed, QdcTopology topology, int qubits, int gates, bool hub, SplitMix64 rng)
    {
        Circuit source = DistributionFixtures.Random(seed, qubits, gates, hub);
        return Distributor.Lower(DistributorPropertyTests.RandomPlacement(source, topology, rng, hub), topology, null, new DiagnosticBag());
    }
}
