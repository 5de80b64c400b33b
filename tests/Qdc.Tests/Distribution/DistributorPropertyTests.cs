using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Simulation;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Distribution;

/// <summary>Random circuits on random small topologies: every lowering is equivalent and spends exactly the predicted ebits.</summary>
public class DistributorPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 40;

    // Past this the state vector makes a case slow; such cases are counted, not checked.
    private const int MaxSimulatedQubits = 16;

    private static readonly EquivalenceOptions Check = new() { Seed = 9, InputStates = 2, BranchesPerState = 4, MaxExhaustiveMeasurements = 6 };

    [Fact]
    public void RandomCircuitsOnRandomTopologies()
    {
        int simulated = 0;
        long ebits = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new TestSupport.SplitMix64((ulong)seed + 100);
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
            var source = DistributionFixtures.Random(seed, qubits, 12 + rng.Next(12));
            var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = (ulong)seed, MaxDegreeOfParallelism = 1 })!;
            var program = Distributor.Lower(placement, topology);
            string what = $"seed {seed}: {qubits} qubits on {qpus} QPUs of {capacity} ({topology.Links.Length} links), {program.Ebits} ebits, {program.Circuit.QubitCount} qubits in all";
            Assert.True(placement.Ebits == program.Ebits, $"{what}; predicted {placement.Ebits}");
            ebits += program.Ebits;
            if (program.Circuit.QubitCount > MaxSimulatedQubits)
            {
                output.WriteLine($"{what}: not simulated");
                continue;
            }
            var r = Equivalence.Check(placement.Normalized, program.Circuit, program.DataQubitMap, Check);
            Assert.True(r.Equivalent, $"{what}: {r}");
            simulated++;
        }
        output.WriteLine($"{simulated} of {Cases} simulated, {ebits} ebits in all");
        Assert.True(simulated >= Cases * 3 / 4, $"only {simulated} of {Cases} cases were small enough to simulate");
        Assert.True(ebits >= Cases, "the cases should cross QPUs often");
    }
}
