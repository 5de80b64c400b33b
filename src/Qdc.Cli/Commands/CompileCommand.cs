using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Simulation;

namespace Qdc.Cli.Commands;

/// <summary>
/// <c>qdc compile CIRCUIT [--topology FILE] [-o DIR] [--seed N] [--strategy S] [--validate]</c>:
/// partition, lower to a distributed program, write partition.json and report.json, and prove
/// the program equivalent to the source when asked.
/// </summary>
internal static class CompileCommand
{
    private const int MaxValidationQubits = 22;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var circuit = CircuitInput.CircuitArgument();
        var topologyOption = TopologyInput.Option();
        var output = new Option<string>("--output", "-o") { Description = "Output directory: partition.json, report.json and schedule.json are written there (qdc's files only; anything else is left alone).", DefaultValueFactory = _ => "out" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the partitioner and of the validation's random states.", DefaultValueFactory = _ => 1 };
        var strategy = new Option<string>("--strategy") { Description = "telegate: cat-entangled copies only (ebits = the partitioner's prediction); auto: teleport a qubit instead where that costs fewer ebits.", DefaultValueFactory = _ => "auto" };
        strategy.AcceptOnlyFromAmong("auto", "telegate");
        var validate = new Option<bool>("--validate") { Description = "Simulate the distributed program against the source on random inputs and measurement branches; exit 3 if they differ." };
        var param = CircuitInput.ParamOption();
        var scheduling = new ScheduleInput();
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
        foreach (var option in scheduling.All)
        {
            command.Options.Add(option);
        }
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
            if (scheduling.Run(parse, program, topology, stderr, out exit) is not { } schedule)
            {
                return exit;
            }
            double seconds = placed.Seconds + clock.Elapsed.TotalSeconds;

            string dir = parse.GetValue(output)!;
            Directory.CreateDirectory(dir);
            AtomicFile.Write(Path.Combine(dir, "partition.json"), PartitionJson.Write(placement, topology, s));
            AtomicFile.Write(Path.Combine(dir, "report.json"), ReportJson.Write(source, placement, program, topology, s, schedule));
            AtomicFile.Write(Path.Combine(dir, "schedule.json"), ScheduleJson.Write(schedule));
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ebits {program.Ebits} (predicted {placement.Ebits}) on {topology.QpuCount} QPUs of '{topology.Name}'"));
            for (int l = 0; l < topology.Links.Length; l++)
            {
                if (program.EbitsByLink[l] > 0)
                {
                    var link = topology.Links[l];
                    stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {topology.Qpus[link.A].Id} -- {topology.Qpus[link.B].Id}: {program.EbitsByLink[l]}"));
                }
            }
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"makespan {Duration.Format(schedule.MakespanSeconds)} (critical path {Duration.Format(schedule.CriticalPathSeconds)}), estimated success {schedule.SuccessProbability:G3}"));
            stdout.WriteLine($"wrote {Path.Combine(dir, "partition.json")}, {Path.Combine(dir, "report.json")} and {Path.Combine(dir, "schedule.json")}");
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
        if (candidate.QubitCount > MaxValidationQubits)
        {
            // Each check simulates the joint program many times (inputs × branches): past this size
            // it takes minutes, so it is skipped and said so rather than left to run.
            stderr.WriteLine($"qdc: --validate skipped: the joint program has {candidate.QubitCount} qubits (data and communication); qdc validates up to {MaxValidationQubits}");
            return ExitCodes.Success;
        }
        if (MemoryGuard.Check(candidate.QubitCount, new SimulationOptions()) is { } tooBig)
        {
            stderr.WriteLine($"qdc: --validate skipped: {tooBig.Message}");
            return ExitCodes.Success;
        }
        var result = Equivalence.Check(reference, candidate, program.DataQubitMap, new EquivalenceOptions { Seed = seed });
        if (result.Equivalent)
        {
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"validated: equivalent on {result.InputStates} input states and {result.Branches} branches{(result.Exhaustive ? " (every branch)" : "")}, worst fidelity {result.WorstFidelity:F12}"));
            return ExitCodes.Success;
        }
        if (result.Failure is null)
        {
            // The checker could not compare (e.g. mid-circuit measurement in the source): say so, don't fail.
            stderr.WriteLine($"qdc: --validate could not check this circuit: {result.Message}");
            return ExitCodes.Success;
        }
        stderr.WriteLine("qdc: validation failed: the distributed program differs from the source");
        stderr.WriteLine(result.Failure.Describe());
        return ExitCodes.Inequivalent;
    }
}
