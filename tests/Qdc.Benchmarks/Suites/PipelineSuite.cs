using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Qasm.Writing;
using Qdc.Tests.Partitioning;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// The whole compile pipeline, parse → place → lower, on the issue's target: a 100-qubit QFT with
/// native cp onto 6 all-to-all QPUs of 25 qubits (target under 2 s; pytket-dqc needs 899 s for a
/// similar banded QFT), with each strategy. Then the QASMBench rows of the reference README §2
/// lowered with each strategy, with the ebits spent.
/// </summary>
public sealed class PipelineSuite : ISuite
{
    public string Name => "pipeline";

    public string Description => "parse → place → lower: QFT-100 on 6 QPUs of 25 (target < 2 s), and QASMBench rows lowered";

    public int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string text = QasmWriter.WriteQasm3(SampleCircuits.Qft(100));
        var topology = AllToAll(6, 25);
        output.WriteLine("QFT-100 (native cp) on 6 all-to-all QPUs of 25, 2 communication qubits each");
        output.WriteLine("strategy   parse      place      lower      total      ebits  predicted  serialisation  teleport pairs  peak comm");
        foreach (var strategy in new[] { DistributionStrategy.Telegate, DistributionStrategy.Auto, DistributionStrategy.Teledata })
        {
            var clock = Stopwatch.StartNew();
            var circuit = QasmFrontEnd.LoadText(text, "qft100.qasm", QasmOptions.Default, new DiagnosticBag()) ?? throw new InvalidDataException("qft100");
            double parse = clock.Elapsed.TotalSeconds;
            var placed = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1, Teledata = strategy != DistributionStrategy.Telegate }) ?? throw new InvalidOperationException("does not fit");
            double place = clock.Elapsed.TotalSeconds;
            var (placement, program) = Distributor.LowerBest(placed, topology, new DistributionOptions { Strategy = strategy }, new DiagnosticBag()) ?? throw new InvalidOperationException("cannot lower");
            double total = clock.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{strategy,-9} {parse,7:F3} s {place - parse,7:F3} s {total - place,7:F3} s {total,7:F3} s {program.Ebits,8} {placement.Ebits,10} {program.SerialisationEbits,14} {program.EprPairs.Count(p => p.Use == EprUse.Teleport),15}  [{string.Join(",", program.PeakCommQubits)}]"));
        }
        QasmBenchRows(output);
        return 0;
    }

    /// <summary>
    /// k all-to-all QPUs of ⌊n/k⌋+1 qubits with 2 communication qubits, final measurements removed
    /// as in the reference; "no embed" is the partitioner's figure when runs stop at every gate
    /// that does not commute with them, which is what embedding saves; "no H-emb" is the unlimited
    /// figure without H-type embedding (<see cref="PartitionOptions.HTypeEmbedding"/>).
    /// </summary>
    // pytket's qft_n63 figures are met by a QFT without its controlled phases below about π/2^15:
    // the column shows what qdc spends on that approximate circuit.
    private const double ApproximateBelow = 1e-4;

    private static void QasmBenchRows(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("                   (published figures assume unlimited communication qubits: the first columns do too; the rest have 2 per QPU)");
        output.WriteLine($"                   (approx: unlimited, with --approximate {ApproximateBelow:G2}; '-' where nothing is dropped)");
        output.WriteLine("qasmbench        k  no embed  no H-emb  unlimited  best published          approx  predicted  telegate (serialisation)  auto  teledata  place time  lower time");
        int met = 0, rows = 0;
        double placeTotal = 0;
        foreach (var (name, best) in QasmBenchCircuits.Rows)
        {
            if (QasmBenchCircuits.Load(name) is not { } loaded)
            {
                output.WriteLine($"{name,-16} (not in the corpus)");
                continue;
            }
            var circuit = Qdc.Simulation.TerminalMeasurements.Strip(loaded);
            for (int k = 2; k <= 4; k++)
            {
                var topology = AllToAll(k, (circuit.QubitCount / k) + 1);
                var roomy = AllToAll(k, (circuit.QubitCount / k) + 1, circuit.QubitCount + 2);
                var free = CircuitPartitioner.Place(circuit, roomy, new PartitionOptions { Seed = 1, Teledata = true }) ?? throw new InvalidOperationException("does not fit");
                long unlimited = Math.Min(Distributor.Lower(free, roomy).Ebits, AutoEbits(free, roomy));
                var noH = CircuitPartitioner.Place(circuit, roomy, new PartitionOptions { Seed = 1, Teledata = true, HTypeEmbedding = false }) ?? throw new InvalidOperationException("does not fit");
                long noHEmbed = Math.Min(Distributor.Lower(noH, roomy).Ebits, AutoEbits(noH, roomy));
                var cut = CircuitPartitioner.Place(circuit, roomy, new PartitionOptions { Seed = 1, DropPhasesBelow = ApproximateBelow, Teledata = true }) ?? throw new InvalidOperationException("does not fit");
                string approx = cut.Approximation.DroppedGates == 0 ? "-" : Math.Min(Distributor.Lower(cut, roomy).Ebits, AutoEbits(cut, roomy)).ToString(CultureInfo.InvariantCulture);
                var placeClock = Stopwatch.StartNew();
                var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1, Teledata = true }) ?? throw new InvalidOperationException("does not fit");
                double placeSeconds = placeClock.Elapsed.TotalSeconds;
                placeTotal += placeSeconds;
                var plain = CircuitHypergraph.Build(placement.Normalized, embed: false);
                long noEmbed = MultilevelPartitioner.Partition(plain.Graph, new AllToAllBlockCost(BlockCapacities.QubitsPlusOne(circuit.QubitCount, k)), new PartitionOptions { Seed = 1 }).Objective;
                var clock = Stopwatch.StartNew();
                var telegate = Distributor.Lower(placement, topology);
                double seconds = clock.Elapsed.TotalSeconds;
                long auto = AutoEbits(placement, topology);
                long teledata = AutoEbits(placement, topology, DistributionStrategy.Teledata);
                bool ok = unlimited <= best[k - 2];
                met += ok ? 1 : 0;
                rows++;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} {k,1} {noEmbed,9} {noHEmbed,9} {unlimited,10} {best[k - 2],15:0.#} {(ok ? "met" : "MISSED"),-6} {approx,6} {placement.Ebits,10} {telegate.Ebits,9} ({telegate.SerialisationEbits,3}) {auto,14} {teledata,9} {placeSeconds,9:F3} s {seconds,9:F3} s"));
            }
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{met} of {rows} rows at or below the best published figure; placing them (2 communication qubits, teledata too) took {placeTotal:F2} s"));
    }

    // As compile does: the placement, or the segmented one where qubits visit, whichever spends fewer.
    private static long AutoEbits(Placement placement, QdcTopology topology, DistributionStrategy strategy = DistributionStrategy.Auto) =>
        Distributor.LowerBest(placement, topology, new DistributionOptions { Strategy = strategy }, new DiagnosticBag())?.Program.Ebits ?? -1;

    internal static QdcTopology AllToAll(int k, int capacity, int commQubits = Qpu.DefaultCommQubits)
    {
        var links = new List<Link>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                links.Add(Link.WithDefaults(a, b));
            }
        }
        return new QdcTopology("bench", [.. Enumerable.Range(0, k).Select(i => Qpu.FromPreset($"qpu{i}", capacity, Platform.Superconducting, commQubits))], [.. links], Swapping: true);
    }
}
