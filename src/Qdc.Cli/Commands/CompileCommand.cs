using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Partitioning;
using Qdc.Qasm;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc compile CIRCUIT [--topology FILE] [-o DIR] [--seed N] [--strategy S] [--validate]</c>:
/// partition, lower to a distributed program, write partition.json, report.json and one
/// OpenQASM 3 program per QPU, and prove those programs equivalent to the source when asked.
/// </summary>
internal static class CompileCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var topologyOption = TopologyInput.Option();
        var output = new Option<string>("--output", "-o") { Description = "Output directory: partition.json, report.json and nodes/QPU.qasm are written there (qdc's files only; anything else is left alone).", DefaultValueFactory = _ => "out" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the partitioner and of the validation's random states.", DefaultValueFactory = _ => 1 };
        var strategy = new Option<string>("--strategy") { Description = "telegate: cat-entangled copies only (ebits = the partitioner's prediction); auto: teleport a qubit instead where that costs fewer ebits.", DefaultValueFactory = _ => "auto" };
        strategy.AcceptOnlyFromAmong("auto", "telegate");
        var validate = new Option<bool>("--validate") { Description = "Read the node programs back, join them, and simulate them against the source on random inputs and measurement branches; exit 3 if they differ." };
        var param = CircuitInput.ParamOption();
        var command = new Command("compile",
            "Compile a circuit onto a data center: place its qubits, turn gates across QPUs into EPR-consuming telegates or teleports, "
            + "and report the ebits per link. With --validate, prove the result equivalent with the statevector simulator.\n\n"
            + "Examples:\n  qdc compile examples/qft16.qasm --topology examples/dc4.json -o out\n"
            + "  qdc compile examples/ghz12.qasm --topology examples/line4.json --validate")
        {
            circuit,
            topologyOption,
            output,
            seed,
            strategy,
            validate,
            param,
        };
        command.SetAction(parse =>
        {
            ulong s = parse.GetValue(seed);
            if (PlacedCircuit.Load(parse.GetValue(circuit)!, parse.GetValue(param), parse.GetValue(topologyOption), s, stderr, out int exit) is not { } placed)
            {
                return exit;
            }
            var (source, topology, placement) = (placed.Source, placed.Topology, placed.Placement);
            var clock = Stopwatch.StartNew();
            var mode = parse.GetValue(strategy) == "telegate" ? DistributionStrategy.Telegate : DistributionStrategy.Auto;
            var program = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = mode });
            double seconds = placed.Seconds + clock.Elapsed.TotalSeconds;

            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "partition.json"), PartitionJson.Write(placement, topology, s));
            AtomicFile.Write(Path.Combine(dir, "report.json"), ReportJson.Write(source, placement, program, topology, s));
            var emitted = new DiagnosticBag();
            var nodes = NodeEmitter.Emit(program, topology, emitted);
            CircuitInput.Report(emitted, stderr);
            if (emitted.HasErrors)
            {
                return ExitCodes.InputError;
            }
            string folder = Path.Combine(dir, NodeFiles.Folder);
            NodeFiles.Write(folder, nodes);
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {program.Ebits} (predicted {placement.Ebits}) on {topology.QpuCount} QPUs of '{topology.Name}'"));
            for (int l = 0; l < topology.Links.Length; l++)
            {
                if (program.EbitsByLink[l] > 0)
                {
                    var link = topology.Links[l];
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {topology.Qpus[link.A].Id} -- {topology.Qpus[link.B].Id}: {program.EbitsByLink[l]}"));
                }
            }
            stdout.WriteLine($"wrote {Path.Combine(dir, "partition.json")}, {Path.Combine(dir, "report.json")} and {nodes.Length} programs in {Path.Combine(dir, NodeFiles.Folder)}");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiled in {seconds:F3} s"));
            return parse.GetValue(validate) ? Validate(placement.Normalized, nodes, folder, s, stdout, stderr) : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Validates what was written: the node programs are parsed back, joined and checked, so every validation covers the emitter too.</summary>
    private static int Validate(Circuit normalized, IReadOnlyList<NodeProgram> nodes, string folder, ulong seed, TextWriter stdout, TextWriter stderr)
    {
        var bag = new DiagnosticBag();
        var parsed = nodes.Select(n => QasmFrontEnd.LoadNode(new SourceText(Path.Combine(folder, n.FileName), n.Text), QasmOptions.Default, bag)).ToList();
        var joined = bag.HasErrors ? null : NodeJoiner.Join([.. parsed.OfType<Qasm.NodePrograms.NodeProgramSyntax>()], bag);
        if (joined is null)
        {
            // qdc's own output failed to read back: a fault in qdc, not in the input.
            CircuitInput.Report(bag, stderr);
            throw new InvalidOperationException("the emitted node programs do not read back");
        }
        return ProgramValidation.Run(normalized, joined, seed, strict: false, stdout, stderr);
    }
}
