using Qdc.Circuits;
using Qdc.Circuits.Decompositions;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Partitioning;

/// <summary>
/// The time-segmented hypergraph (a vertex per run, a teleport net between a qubit's consecutive
/// runs) and the placement the partitioner offers from it for teledata.
/// </summary>
public class SegmentedHypergraphTests
{
    /// <summary>q0 has three runs (Hadamards between), each with one other qubit.</summary>
    private static Circuit Visitor()
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        b.Gate("cz", 0, 1).Gate("h", 0).Gate("cz", 0, 2).Gate("h", 0).Gate("cz", 0, 3);
        return b.Build();
    }

    [Fact]
    public void EachLaterRunGetsASegmentChainedToTheOneBefore()
    {
        var circuit = CircuitHypergraph.Build(Visitor());
        var segmented = SegmentedHypergraph.Build(circuit);
        // 4 qubits, 3 gates, and segments for q0's second and third runs.
        Assert.Equal(9, segmented.VertexCount);
        Assert.Equal([1, 1, 1, 1, 0, 0, 0, 0, 0], Enumerable.Range(0, 9).Select(segmented.VertexWeight));
        // 6 runs (three of q0, one of each other qubit) and two teleport nets.
        Assert.Equal(8, segmented.NetCount);
        var nets = Enumerable.Range(0, segmented.NetCount).Select(e => segmented.Pins(e).ToArray().Order().ToArray()).ToList();
        Assert.Contains(nets, p => p.SequenceEqual([0, 7]));
        Assert.Contains(nets, p => p.SequenceEqual([7, 8]));
        Assert.Contains(nets, p => p.SequenceEqual([0, 4]));
        Assert.Contains(nets, p => p.SequenceEqual([5, 7]));
        Assert.Contains(nets, p => p.SequenceEqual([6, 8]));
    }

    /// <summary>With every segment at its qubit's home, the segmented objective is the plain one: teleports cost only when used.</summary>
    [Fact]
    public void SegmentsAtHomeCostWhatThePlainHypergraphCosts()
    {
        for (int seed = 0; seed < 40; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 5);
            int qubits = 3 + rng.Next(8), k = 2 + rng.Next(3);
            var circuit = CircuitHypergraph.Build(Normalizer.ToBasis(DistributionFixtures.Random(seed, qubits, 5 + rng.Next(40))));
            var segmented = SegmentedHypergraph.Build(circuit);
            var plain = new int[circuit.Graph.VertexCount];
            for (int v = 0; v < plain.Length; v++)
            {
                plain[v] = rng.Next(k);
            }
            // A segment sits where its qubit is.
            var blocks = new int[segmented.VertexCount];
            plain.CopyTo(blocks, 0);
            var segmentQubit = SegmentQubits(circuit, segmented);
            for (int v = plain.Length; v < blocks.Length; v++)
            {
                blocks[v] = plain[segmentQubit[v]];
            }
            Assert.Equal(PartitionMetrics.Km1(circuit.Graph, plain), PartitionMetrics.Km1(segmented, blocks));
        }
    }

    /// <summary>The qubit each segment vertex belongs to, found through the teleport chains.</summary>
    private static Dictionary<int, int> SegmentQubits(CircuitHypergraph circuit, Hypergraph segmented)
    {
        var owner = new Dictionary<int, int>();
        int first = circuit.Graph.VertexCount;
        bool grew = true;
        while (grew)
        {
            grew = false;
            for (int e = 0; e < segmented.NetCount; e++)
            {
                var pins = segmented.Pins(e);
                if (pins.Length != 2 || pins[1] < first)
                {
                    continue;
                }
                int from = pins[0] < circuit.QubitCount ? pins[0] : owner.GetValueOrDefault(pins[0], -1);
                if (from >= 0 && owner.TryAdd(pins[1], from))
                {
                    grew = true;
                }
            }
        }
        return owner;
    }

    /// <summary>
    /// On QASMBench's 28-qubit ripple-carry adder at k = 2, telegates need 4 pairs; the segmented
    /// placement lets a carry qubit visit the other QPU and back, and auto lowers it with 2.
    /// </summary>
    [Fact]
    public void TheAdderCarryVisitsInsteadOfBeingCopied()
    {
        var file = Path.Combine(RepoPaths.Shared, "corpus", "qasmbench", "large", "adder_n28", "adder_n28.qasm");
        var source = Qdc.Simulation.TerminalMeasurements.Strip(Qdc.Qasm.QasmFrontEnd.Load(file, Qdc.Qasm.QasmOptions.Default, new Qdc.Circuits.Diagnostics.DiagnosticBag())!);
        var topology = DistributionFixtures.AllToAll(2, 15, 30);
        var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Teledata = true })!;
        Assert.Equal(4, Distributor.Lower(placement, topology).Ebits);
        var alternative = Assert.IsType<Placement>(placement.TeledataAlternative);
        Assert.Equal(2, alternative.Ebits);
        var best = Distributor.LowerBest(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Auto }, new Qdc.Circuits.Diagnostics.DiagnosticBag())!.Value;
        Assert.Same(alternative, best.Placement);
        Assert.Equal(2, best.Program.Ebits);
        Assert.Equal(2, best.Program.EprPairs.Count(p => p.Use == EprUse.Teleport));
        // Telegates alone cannot use it, and a placement without the option has none.
        Assert.Same(placement, Distributor.LowerBest(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Telegate }, new Qdc.Circuits.Diagnostics.DiagnosticBag())!.Value.Placement);
        Assert.Null(CircuitPartitioner.Place(source, topology)!.TeledataAlternative);
    }
}
