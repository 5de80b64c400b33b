using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Simulation;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Distribution;

/// <summary>Random circuits on random small topologies: every lowering is equivalent and spends exactly the predicted ebits.</summary>
public class DistributorPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 40;
    private const int PlacementCases = 120;

    // Past this the state vector makes a case slow; such cases are counted, not checked.
    private const int MaxSimulatedQubits = 16;

    private static readonly EquivalenceOptions Check = new() { Seed = 9, InputStates = 2, BranchesPerState = 4, MaxExhaustiveMeasurements = 6 };

    [Fact]
    public void RandomCircuitsOnRandomTopologies()
    {
        var tally = new Tally(output);
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 100);
            int qpus = 2 + rng.Next(3);
            int capacity = 2 + rng.Next(2);
            int qubits = Math.Min(8, (qpus * capacity) - rng.Next(2));
            QdcTopology topology = (rng.Next(4), qpus) switch
            {
                (0, _) or (_, 2) => DistributionFixtures.AllToAll(qpus, capacity),
                (1, _) => DistributionFixtures.Line(qpus, capacity),
                (2, _) => DistributionFixtures.Ring(qpus, capacity),
                _ => DistributionFixtures.Star(qpus, capacity),
            };
            var source = DistributionFixtures.Random(seed, qubits, 12 + rng.Next(12), hub: seed % 2 == 1);
            var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = (ulong)seed, MaxDegreeOfParallelism = 1 })!;
            tally.Add($"seed {seed}: {qubits} qubits on {qpus} QPUs of {capacity} ({topology.Links.Length} links)", placement, topology);
        }
        tally.Report(Cases);
        Assert.True(tally.Ebits >= Cases, "the cases should cross QPUs often");
    }

    /// <summary>
    /// Placements no partitioner would choose (qubits scattered, each gate on either qubit's QPU or
    /// on a third one) exercise relays, double copies and teleports far more than good ones do.
    /// </summary>
    [Fact]
    public void RandomPlacementsOfRandomCircuits()
    {
        var tally = new Tally(output);
        for (int seed = 0; seed < PlacementCases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 500);
            int qpus = 2 + rng.Next(2);
            int qubits = 4 + rng.Next(3);
            var topology = rng.Next(2) == 0 ? DistributionFixtures.AllToAll(qpus, qubits) : DistributionFixtures.Line(qpus, qubits);
            bool hub = seed % 3 == 0;
            var placement = RandomPlacement(DistributionFixtures.Random(seed, qubits, 10 + rng.Next(10), hub), topology, rng, hub);
            tally.Add($"seed {seed}: {qubits} qubits on {qpus} QPUs", placement, topology);
        }
        tally.Report(PlacementCases);
        Assert.True(tally.Saved > 0, "teledata should pay off somewhere");
    }

    /// <param name="visit">every gate runs where its partner of qubit 0 lives, so qubit 0 keeps visiting</param>
    internal static Placement RandomPlacement(Circuit source, QdcTopology topology, SplitMix64 rng, bool visit)
    {
        var normalized = Normalizer.ToBasis(source);
        var graph = CircuitHypergraph.Build(normalized);
        int k = topology.QpuCount;
        var qpuOf = new int[normalized.QubitCount];
        for (int q = 0; q < qpuOf.Length; q++)
        {
            qpuOf[q] = rng.Next(k);
        }
        var gates = new GatePlacement[graph.GateOperation.Length];
        for (int g = 0; g < gates.Length; g++)
        {
            var qs = normalized.Operations[graph.GateOperation[g]].Qubits;
            int pick = rng.Next(5);
            int qpu = visit ? qpuOf[qs[0] == 0 ? qs[1] : qs[0]] : pick < 2 ? qpuOf[qs[pick]] : pick == 2 ? rng.Next(k) : qpuOf[qs[0]];
            bool local = qpuOf[qs[0]] == qpu && qpuOf[qs[1]] == qpu;
            gates[g] = new GatePlacement(graph.GateOperation[g], qpu, local ? GateRealization.Local : GateRealization.Telegate);
        }
        var metrics = new TopologyMetrics(topology);
        long predicted = 0;
        for (int e = 0; e < graph.Graph.NetCount; e++)
        {
            var spanned = new List<int>();
            foreach (int pin in graph.Graph.Pins(e))
            {
                spanned.Add(pin < graph.QubitCount ? qpuOf[pin] : gates[pin - graph.QubitCount].Qpu);
            }
            predicted += metrics.SteinerCost(spanned);
        }
        var loads = Enumerable.Range(0, k).Select(p => (long)qpuOf.Count(x => x == p));
        return new Placement(normalized, [.. qpuOf], [.. gates], predicted, [.. loads], graph);
    }

    /// <summary>Lowers each case with both strategies, checks ebits and equivalence, and counts.</summary>
    private sealed class Tally(ITestOutputHelper output)
    {
        private int _simulated;

        public long Ebits { get; private set; }

        public long Saved { get; private set; }

        public void Add(string what, Placement placement, QdcTopology topology)
        {
            var program = Distributor.Lower(placement, topology);
            what = $"{what}, {program.Ebits} ebits, {program.Circuit.QubitCount} qubits in all";
            Assert.True(placement.Ebits + program.SerialisationEbits == program.Ebits, $"{what}; predicted {placement.Ebits}, serialisation {program.SerialisationEbits}");
            Assert.All(program.PeakCommQubits, (peak, p) => Assert.True(peak <= topology.Qpus[p].CommQubits, what));
            Assert.Equal(placement.Ebits, Distributor.Lower(placement, DistributionFixtures.WithCommQubits(topology, 64)).Ebits);
            Ebits += program.Ebits;
            var auto = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Auto });
            Assert.True(auto.Ebits - auto.SerialisationEbits <= program.Ebits - program.SerialisationEbits, $"{what}; auto spends {auto.Ebits}");
            Saved += program.Ebits - auto.Ebits;
            foreach (var candidate in auto.Ebits < program.Ebits ? [program, auto] : new[] { program })
            {
                if (candidate.Circuit.QubitCount > MaxSimulatedQubits)
                {
                    output.WriteLine($"{what}: not simulated");
                    continue;
                }
                var r = Equivalence.Check(placement.Normalized, candidate.Circuit, candidate.DataQubitMap, Check);
                Assert.True(r.Equivalent, $"{what} ({(candidate == auto ? "auto" : "telegate")}): {r}");
                _simulated++;
            }
        }

        public void Report(int cases)
        {
            output.WriteLine($"{_simulated} programs simulated, {Ebits} ebits in all with telegates, {Saved} saved by teledata");
            Assert.True(_simulated >= cases * 3 / 4, $"only {_simulated} programs were small enough to simulate");
        }
    }
}
