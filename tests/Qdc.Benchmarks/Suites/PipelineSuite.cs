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
/// The whole compile pipeline, parse → place → lower, on the target: a 100-qubit QFT with
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
            var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1 }) ?? throw new InvalidOperationException("does not fit");
            double place = clock.Elapsed.TotalSeconds;
            var program = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = strategy });
            double total = clock.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{strategy,-9} {parse,7:F3} s {place - parse,7:F3} s {total - place,7:F3} s {total,7:F3} s {program.Ebits,8} {placement.Ebits,10} {program.SerialisationEbits,14} {program.EprPairs.Count(p => p.Use == EprUse.Teleport),15}  [{string.Join(",", program.PeakCommQubits)}]"));
        }
        QasmBenchRows(output);
        return 0;
    }

    private static readonly string[] QasmBench = ["qft_n29", "qft_n63", "ghz_n40", "cat_n35", "adder_n28", "adder_n64", "dnn_n33", "ising_n34"];

    /// <summary>k all-to-all QPUs of ⌊n/k⌋+1 qubits with 2 communication qubits, final measurements kept.</summary>
    private static void QasmBenchRows(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("qasmbench        k  predicted  telegate (serialisation)  auto  teledata  lower time");
        foreach (var name in QasmBench)
        {
            if (QasmBenchCircuits.Load(name) is not { } circuit)
            {
                output.WriteLine($"{name,-16} (not in the corpus)");
                continue;
            }
            for (int k = 2; k <= 4; k++)
            {
                var topology = AllToAll(k, (circuit.QubitCount / k) + 1);
                var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1 }) ?? throw new InvalidOperationException("does not fit");
                var clock = Stopwatch.StartNew();
                var telegate = Distributor.Lower(placement, topology);
                double seconds = clock.Elapsed.TotalSeconds;
                var auto = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Auto });
                var teledata = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Teledata });
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} {k,1} {placement.Ebits,10} {telegate.Ebits,9} ({telegate.SerialisationEbits,3}) {auto.Ebits,14} {teledata.Ebits,9} {seconds,9:F3} s"));
            }
        }
    }

    private static QdcTopology AllToAll(int k, int capacity)
    {
        var links = new List<Link>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                links.Add(Link.WithDefaults(a, b));
            }
        }
        return new QdcTopology("bench", [.. Enumerable.Range(0, k).Select(i => Qpu.FromPreset($"qpu{i}", capacity, Platform.Superconducting))], [.. links], Swapping: true);
    }
}
