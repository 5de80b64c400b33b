using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Simulation;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc compile CIRCUIT [--topology FILE] [-o DIR] [--seed N] [--strategy S] [--validate]</c>:
/// partition, lower to a distributed program, write partition.json and report.json, and prove
/// the program equivalent to the source when asked.
/// </summary>
internal static class CompileCommand
{
    // On the compacted program: qubits alive at once, not all the program names.
    private const int MaxValidationQubits = 26;

    // Amplitude updates (2^qubits × operations × simulated runs) the check may take: about a minute.
    private const double MaxValidationWork = 3e10;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var topologyOption = TopologyInput.Option();
        var output = new Option<string>("--output", "-o") { Description = "Output directory: partition.json and report.json are written there (qdc's files only; anything else is left alone).", DefaultValueFactory = _ => "out" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the partitioner and of the validation's random states.", DefaultValueFactory = _ => 1 };
        var strategy = new Option<string>("--strategy") { Description = "telegate: cat-entangled copies only (ebits = the partitioner's prediction, plus any serialisation); auto: teleport a qubit instead where that costs fewer ebits; teledata: teleport wherever a qubit's runs go to one other QPU.", DefaultValueFactory = _ => "auto" };
        strategy.AcceptOnlyFromAmong("auto", "telegate", "teledata");
        var validate = new Option<bool>("--validate") { Description = "Simulate the distributed program against the source on random inputs and measurement branches; exit 3 if they differ." };
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
            var mode = parse.GetValue(strategy) switch
            {
                "telegate" => DistributionStrategy.Telegate,
                "teledata" => DistributionStrategy.Teledata,
                _ => DistributionStrategy.Auto,
            };
            var diagnostics = new DiagnosticBag();
            var program = Distributor.Lower(placement, topology, new DistributionOptions { Strategy = mode }, diagnostics, parse.GetValue(topologyOption) ?? topology.Name);
            if (program is null)
            {
                DiagnosticWriter.Write(stderr, diagnostics);
                return ExitCodes.Infeasible;
            }
            double seconds = placed.Seconds + clock.Elapsed.TotalSeconds;

            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "partition.json"), PartitionJson.Write(placement, topology, s));
            AtomicFile.Write(Path.Combine(dir, "report.json"), ReportJson.Write(source, placement, program, topology, s));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {program.Ebits} (predicted {placement.Ebits}{(program.SerialisationEbits != 0 ? $", {program.SerialisationEbits} for serialising communication qubits" : "")}) on {topology.QpuCount} QPUs of '{topology.Name}'"));
            for (int l = 0; l < topology.Links.Length; l++)
            {
                if (program.EbitsByLink[l] > 0)
                {
                    var link = topology.Links[l];
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {topology.Qpus[link.A].Id} -- {topology.Qpus[link.B].Id}: {program.EbitsByLink[l]}"));
                }
            }
            stdout.WriteLine($"wrote {Path.Combine(dir, "partition.json")} and {Path.Combine(dir, "report.json")}");
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiled in {seconds:F3} s"));
            return parse.GetValue(validate) ? Validate(placement.Normalized, program, s, stdout, stderr) : ExitCodes.Success;
        });
        return command;
    }

    private static int Validate(Circuit normalized, DistributedProgram program, ulong seed, TextWriter stdout, TextWriter stderr)
    {
        // The program keeps the source's final measurements; the check compares the unitary parts.
        var reference = FinalMeasurements.Strip(normalized);
        var candidate = FinalMeasurements.Strip(program.Circuit);
        // The check simulates the program compacted: a measured-and-reset qubit gives up its slot.
        int width = QubitCompaction.Compact(candidate, program.DataQubitMap, program.DataQubitMap).Circuit.QubitCount;
        var options = new EquivalenceOptions { Seed = seed };
        int events = candidate.Operations.Count(o => o is MeasureOperation or ResetOperation);
        double runs = options.InputStates * (events <= options.MaxExhaustiveMeasurements ? Math.Pow(2, events) : options.BranchesPerState);
        double work = Math.Pow(2, width) * candidate.Operations.Length * runs;
        if (width > MaxValidationQubits || work > MaxValidationWork)
        {
            // Each check simulates the joint program many times (inputs × branches): past this it
            // takes many minutes, so it is skipped and said so rather than left to run.
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"qdc: --validate skipped: the joint program needs {width} qubits at once (of {candidate.QubitCount}, data and communication) and {candidate.Operations.Length} operations, too much to simulate in about a minute (up to {MaxValidationQubits} qubits)"));
            return ExitCodes.Success;
        }
        if (MemoryGuard.Check(width, new SimulationOptions()) is { } tooBig)
        {
            stderr.WriteLine($"qdc: --validate skipped: {tooBig.Message}");
            return ExitCodes.Success;
        }
        var result = Equivalence.Check(reference, candidate, program.DataQubitMap, options);
        if (result.Equivalent)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validated: equivalent on {result.InputStates} input states and {result.Branches} branches{(result.Exhaustive ? " (every branch)" : "")}, worst fidelity {result.WorstFidelity:F12}"));
            return ExitCodes.Success;
        }
        if (result.Failure is null)
        {
            // The checker could not compare (e.g. a source resetting an undetermined qubit): say so, don't fail.
            stderr.WriteLine($"qdc: --validate could not check this circuit: {result.Message}");
            return ExitCodes.Success;
        }
        stderr.WriteLine("qdc: validation failed: the distributed program differs from the source");
        stderr.WriteLine(result.Failure.Describe());
        return ExitCodes.Inequivalent;
    }
}
