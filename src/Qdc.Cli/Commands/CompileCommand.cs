using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Cli.Output;
using Qdc.Cli.Reports;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Qasm;
using Qdc.Simulation;

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
        var output = new Option<string>("--output", "-o") { Description = "Output directory: partition.json, report.json, schedule.json and nodes/QPU.qasm are written there (qdc's files only; anything else is left alone).", DefaultValueFactory = _ => "out" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the partitioner and of the validation's random states.", DefaultValueFactory = _ => 1 };
        var strategy = new Option<string>("--strategy") { Description = "telegate: cat-entangled copies only (ebits = the partitioner's prediction, plus any serialisation); auto: teleport a qubit instead where that costs fewer ebits; teledata: teleport wherever a qubit's runs go to one other QPU. With auto and teledata a visitor is parked on a spare data qubit where one is free, and of the lowerings tried (a second placement where qubits visit other QPUs, with and without parking) the one with the shortest schedule is written.", DefaultValueFactory = _ => "auto" };
        strategy.AcceptOnlyFromAmong("auto", "telegate", "teledata");
        var validate = new Option<bool>("--validate") { Description = "Read the node programs back, join them, and simulate them against the source on random inputs and measurement branches (a Clifford source too big for that is proven on a stabilizer tableau instead); exit 3 if they differ." };
        var param = CircuitInput.ParamOption();
        var approximate = ApproximationInput.Option();
        var threads = new Option<int>("--threads") { Description = "Worker threads for the partitioner and the validation (0: one per core). The output is the same whatever the count.", DefaultValueFactory = _ => 0 };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() < 0)
            {
                r.AddError("--threads must be 0 or more");
            }
        });
        var report = new Option<bool>("--report") { Description = "Also write report.html: one self-contained page (topology, partition, schedule timeline, key figures) that needs no network." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "Print nothing but errors and warnings." };
        var json = new Option<bool>("--json") { Description = "Print a machine-readable summary on standard output: the output directory, the files written, and report.json's figures." };
        var scheduling = new ScheduleInput();
        var command = new Command("compile",
            "Compile a circuit onto a data center: place its qubits, turn gates across QPUs into EPR-consuming telegates or teleports, "
            + "and report the ebits per link. With --validate, prove the result equivalent with the statevector simulator. "
            + "The files are written whole or not at all; other files in the output directory are left alone.\n\n"
            + "Examples:\n  qdc compile examples/qft16.qasm --topology examples/dc4.json -o out\n"
            + "  qdc compile examples/ghz12.qasm --topology examples/line4.json --validate\n"
            + "  qdc compile examples/qaoa10.qasm --topology examples/dc4.json -o out --report --json")
        {
            circuit,
            topologyOption,
            output,
            seed,
            strategy,
            validate,
            param,
            approximate,
            threads,
            report,
            quiet,
            json,
        };
        foreach (var option in scheduling.All)
        {
            command.Options.Add(option);
        }
        command.SetAction(parse =>
        {
            ulong s = parse.GetValue(seed);
            int threadCount = parse.GetValue(threads);
            bool isQuiet = parse.GetValue(quiet), isJson = parse.GetValue(json);
            // With --json standard output carries only the summary, and with --quiet nothing.
            var say = isQuiet || isJson ? TextWriter.Null : stdout;
            using var progress = new ConsoleProgress(stderr, ConsoleProgress.ShouldShow(stderr, isQuiet));
            progress.Phase("partitioning");
            var mode = parse.GetValue(strategy) switch
            {
                "telegate" => DistributionStrategy.Telegate,
                "teledata" => DistributionStrategy.Teledata,
                _ => DistributionStrategy.Auto,
            };
            if (PlacedCircuit.Load(parse.GetValue(circuit)!, parse.GetValue(param), parse.GetValue(topologyOption), s, stderr, out int exit, threadCount, parse.GetValue(approximate), teledata: mode != DistributionStrategy.Telegate) is not { } placed)
            {
                return exit;
            }
            var (source, topology) = (placed.Source, placed.Topology);
            var clock = Stopwatch.StartNew();
            progress.Phase("lowering");
            var diagnostics = new DiagnosticBag();
            // With teledata allowed, the partitioner may offer a second placement in which qubits
            // visit other QPUs; the lowering with the shorter schedule (then fewer pairs) is written.
            if (Distributor.LowerBest(placed.Placement, topology, new DistributionOptions { Strategy = mode }, diagnostics, parse.GetValue(topologyOption) ?? topology.Name, scheduling.Cost(parse, topology)) is not { } lowered)
            {
                DiagnosticWriter.Write(stderr, diagnostics);
                return ExitCodes.Infeasible;
            }
            var (placement, program) = lowered;
            progress.Phase("scheduling");
            if (scheduling.Run(parse, program, topology, stderr, out exit) is not { } schedule)
            {
                return exit;
            }
            double lowering = clock.Elapsed.TotalSeconds, seconds = placed.Seconds + lowering;
            bool verbose = parse.GetValue(QdcCommand.Verbose) && !isQuiet;
            if (verbose)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"qdc: read and partitioned in {placed.Seconds:F3} s, lowered and scheduled in {lowering:F3} s; {program.Circuit.QubitCount} qubits in the distributed program"));
            }

            string dir = parse.GetValue(output)!;
            var files = new OutputSet();
            files.Add("partition.json", PartitionJson.Write(placement, topology, s));
            files.Add("report.json", ReportJson.Write(source, placement, program, topology, s, schedule));
            files.Add("schedule.json", ScheduleJson.Write(schedule));
            var emitted = new DiagnosticBag();
            var nodes = NodeEmitter.Emit(program, topology, emitted, schedule);
            CircuitInput.Report(emitted, stderr);
            if (emitted.HasErrors)
            {
                return ExitCodes.InputError;
            }
            foreach (var node in nodes)
            {
                files.Add($"{NodeFiles.Folder}/{node.FileName}", node.Text);
            }
            // report.html is drawn from the files above, so every file added to the set goes before it.
            if (parse.GetValue(report) && CompiledOutput.FromSet(dir, files, new DiagnosticBag()) is { } compiled)
            {
                files.Add(ReportHtml.FileName, ReportHtml.Render(compiled, Path.GetFileName(parse.GetValue(circuit)!)));
            }
            progress.Phase("writing");
            if (!TryCommit(dir, files, stderr))
            {
                return ExitCodes.InputError;
            }
            if (verbose)
            {
                stderr.WriteLine($"qdc: wrote {string.Join(", ", files.Paths.Select(p => Path.Combine(dir, p)))} and the manifest {Path.Combine(dir, OutputWriter.ManifestName)}");
            }
            say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {program.Ebits} (predicted {placement.Ebits}{(program.SerialisationEbits != 0 ? $", {program.SerialisationEbits} for serialising communication qubits" : "")}) on {topology.QpuCount} QPUs of '{topology.Name}'"));
            for (int l = 0; l < topology.Links.Length; l++)
            {
                if (program.EbitsByLink[l] > 0)
                {
                    var link = topology.Links[l];
                    say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {topology.Qpus[link.A].Id} -- {topology.Qpus[link.B].Id}: {program.EbitsByLink[l]}"));
                }
            }
            if (ApproximationInput.Summary(placement.Approximation) is { } approximated)
            {
                say.WriteLine(approximated);
            }
            say.WriteLine(string.Create(CultureInfo.InvariantCulture, $"makespan {Duration.Format(schedule.MakespanSeconds)} (critical path {Duration.Format(schedule.CriticalPathSeconds)}), estimated success {SuccessText(schedule.Log10SuccessProbability)}{Causes(schedule.Success)}"));
            say.WriteLine($"wrote {string.Join(", ", files.Paths)} in {dir}");
            if (isJson)
            {
                stdout.Write(CompileSummaryJson.Write(dir, files));
            }
            if (!isQuiet)
            {
                stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"compiled in {seconds:F3} s"));
            }
            if (!parse.GetValue(validate))
            {
                return ExitCodes.Success;
            }
            progress.Phase("validating");
            return Validate(placement.Normalized, nodes, Path.Combine(dir, NodeFiles.Folder), s, threadCount, isQuiet ? TextWriter.Null : isJson ? stderr : stdout, stderr);
        });
        return command;
    }

    // Long runs on short-T2 QPUs make the estimate underflow a double: past 1e-4 the exponent says more.
    // Below 10% the causes are named, so 10^-1041 says that idle qubits decohered, not that qdc failed.
    private static string Causes(SuccessEstimate success) => success.Log10Total >= -1 ? "" :
        $" (idle qubits {SuccessText(success.Log10Idle)}, gates {SuccessText(success.Log10Gates)}, pairs {SuccessText(success.Log10Pairs)})";

    private static string SuccessText(double log10) =>
        log10 >= -4 ? Math.Pow(10, log10).ToString("G3", CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"10^{log10:F1}");

    private static bool TryCommit(string dir, OutputSet files, TextWriter stderr)
    {
        try
        {
            OutputWriter.Commit(dir, files);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A full disk or a read-only folder is the user's environment, not a qdc fault.
            stderr.WriteLine($"qdc: cannot write the output to {dir}: {ex.Message}; the previous output there is unchanged");
            return false;
        }
    }

    /// <summary>Validates what was written: the node programs are parsed back, joined and checked, so every validation covers the emitter too.</summary>
    private static int Validate(Circuit normalized, IReadOnlyList<NodeProgram> nodes, string folder, ulong seed, int threads, TextWriter stdout, TextWriter stderr)
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
        return ProgramValidation.Run(normalized, joined, seed, strict: false, stdout, stderr, threads: threads);
    }
}
