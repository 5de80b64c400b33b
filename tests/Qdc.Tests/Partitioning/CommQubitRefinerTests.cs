using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Tests.Distribution;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Partitioning;

/// <summary>
/// The communication-qubit-aware gate placement: its cache model (Belady's re-makes), its full
/// count against the real lowering, and what it saves over the pure hypergraph optimum.
/// </summary>
public class CommQubitRefinerTests(ITestOutputHelper output)
{
    private static int Remakes(int capacity, params (int Gate, int Net)[] requests) =>
        new CopyCache(4).Remakes([.. requests.Select(r => r.Gate)], [.. requests.Select(r => r.Net)], capacity, 8);

    [Fact]
    public void CopiesThatFitAreMadeOnce() => Assert.Equal(0, Remakes(2, (0, 1), (1, 2), (2, 1), (3, 2)));

    [Fact]
    public void AlternatingCopiesOnOneQubitAreRemadeEachTime() => Assert.Equal(2, Remakes(1, (0, 1), (1, 2), (2, 1), (3, 2)));

    [Fact]
    public void TheCopyNeededLastGoesFirst()
    {
        // A B C A B with room for two: releasing B at C (needed last) costs one re-make; LRU would release A and pay two.
        Assert.Equal(1, Remakes(2, (0, 1), (1, 2), (2, 3), (3, 1), (4, 2)));
    }

    [Fact]
    public void AGateHoldsBothItsCopies()
    {
        // With room for one, a gate needing two copies cannot run at all.
        Assert.True(Remakes(1, (0, 1), (0, 2)) >= CopyCache.Impossible);
        Assert.Equal(0, Remakes(2, (0, 1), (0, 2), (1, 1)));
    }

    [Fact]
    public void SendingACopyNeedsAFreeCommunicationQubit()
    {
        // Holding copy 1, the QPU sends one of its own (net -1): with one communication qubit, copy 1 goes and is made again.
        Assert.Equal(1, Remakes(1, (0, 1), (1, -1), (2, 1)));
        Assert.Equal(0, Remakes(2, (0, 1), (1, -1), (2, 1)));
    }

    [Fact]
    public void NoCommunicationQubitsServeNothing() => Assert.True(Remakes(0, (0, 1)) >= CopyCache.Impossible);

    [Fact]
    public void OnAllToAllNetworksTheCountIsWhatTheLoweringSpends()
    {
        int cases = 0;
        for (int seed = 0; seed < 60; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 99);
            int qubits = 4 + rng.Next(12);
            int k = 2 + rng.Next(3);
            var topology = DistributionFixtures.AllToAll(k, (qubits / k) + 1 + rng.Next(2), 2 + rng.Next(2));
            var source = DistributionFixtures.Random(seed, qubits, 10 + rng.Next(60));
            foreach (bool aware in new[] { true, false })
            {
                var placement = Place(source, topology, aware);
                var program = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Telegate });
                Assert.Equal(program.Ebits, Predicted(placement, topology));
                cases++;
            }
        }
        Assert.Equal(120, cases);
    }

    [Fact]
    public void NeverWorseByItsOwnCountOnAnyTopology()
    {
        long aware = 0, plain = 0;
        for (int seed = 0; seed < 80; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 500);
            int qubits = 4 + rng.Next(12);
            int k = 2 + rng.Next(3);
            int capacity = (qubits / k) + 1 + rng.Next(2);
            int comm = 1 + rng.Next(3);
            var topology = rng.Next(3) switch
            {
                0 => DistributionFixtures.AllToAll(k, capacity, comm),
                1 => DistributionFixtures.Line(k, capacity, comm),
                _ => DistributionFixtures.Ring(k, capacity, comm),
            };
            var source = DistributionFixtures.Random(seed, qubits, 10 + rng.Next(60));
            long a = Predicted(Place(source, topology, true), topology);
            long p = Predicted(Place(source, topology, false), topology);
            Assert.True(a <= p, $"seed {seed}: {a} pairs with the refiner, {p} without");
            aware += a;
            plain += p;
        }
        output.WriteLine($"predicted pairs: {aware} with the refiner, {plain} without");
        Assert.True(aware < plain);
    }

    [Theory]
    [InlineData(32, 4)]
    [InlineData(48, 4)]
    [InlineData(64, 6)]
    public void QftCopiesFitTwoCommunicationQubits(int n, int k)
    {
        var topology = DistributionFixtures.AllToAll(k, (n / k) + 1, 2);
        var source = SampleCircuits.Qft(n);
        var aware = Distributor.Lower(Place(source, topology, true), topology, new DistributionOptions { Strategy = DistributionStrategy.Telegate });
        var plain = Distributor.Lower(Place(source, topology, false), topology, new DistributionOptions { Strategy = DistributionStrategy.Telegate });
        output.WriteLine($"QFT({n}) on {k}: {aware.Ebits} pairs ({aware.SerialisationEbits} serialising) with the refiner, {plain.Ebits} ({plain.SerialisationEbits}) without");
        Assert.True(aware.Ebits < plain.Ebits);
        Assert.True(aware.SerialisationEbits * 10 <= aware.Ebits, $"{aware.SerialisationEbits} of {aware.Ebits} pairs serialise");
        // Qubits in index order and every copy running forward (qubit i after its Hadamard, to each
        // later QPU that holds some j > i) fit one communication qubit and cost this much: never more.
        int capacity = (n / k) + 1;
        int forward = Enumerable.Range(0, n).Sum(i => Enumerable.Range((i / capacity) + 1, k).Count(b => b * capacity < n && b < k));
        Assert.True(aware.Ebits <= forward, $"{aware.Ebits} pairs, forward copies in qubit order need {forward}");
    }

    [Fact]
    public void WhenCopiesAlreadyFitTheHypergraphOptimumStands()
    {
        // Plenty of communication qubits: nothing is re-made, so the gates stay where the partitioner put them.
        var topology = DistributionFixtures.AllToAll(4, 9, 64);
        var source = SampleCircuits.Qft(32);
        var aware = Place(source, topology, true);
        var plain = Place(source, topology, false);
        Assert.Equal(plain.Gates.ToArray(), aware.Gates.ToArray());
        Assert.Equal(plain.Ebits, aware.Ebits);
    }

    private static Placement Place(Qdc.Circuits.Circuit source, QdcTopology topology, bool aware) =>
        CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = 1, MaxDegreeOfParallelism = 1, CommQubitAware = aware })
        ?? throw new InvalidOperationException("does not fit");

    private static long Predicted(Placement placement, QdcTopology topology) =>
        CopyDemand.Pairs(placement.Hypergraph, placement.QpuOfQubit, [.. placement.Gates.Select(g => g.Qpu)], new TopologyMetrics(topology), [.. topology.Qpus.Select(q => q.CommQubits)]);
}
