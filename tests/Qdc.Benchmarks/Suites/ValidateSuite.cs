using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Emission;
using Qdc.Qasm;
using Qdc.Simulation;
using Qdc.Tests.TestSupport;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// The statevector check behind <c>qdc validate</c> and <c>compile --validate</c>, on the golden
/// outputs in examples/out: each folder's node programs joined and checked against its example
/// circuit with the options the command line uses (6 input states, 8 random branches each, or
/// every branch up to 12 measurements). The README's Quickstart runs qft16 on dc4.
/// </summary>
public sealed class ValidateSuite : ISuite
{
    public string Name => "validate";

    public string Description => "the statevector equivalence check on examples/out (as qdc validate runs it)";

    public int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        int repeat = 1, threads = 0;
        string? only = null;
        for (int i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--repeat":
                    repeat = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--threads":
                    threads = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    only = args[i];
                    break;
            }
        }
        output.WriteLine("example                  joined qubits  live at most  operations  events  updates per run  inputs  branches  best of runs  ns per update  CPU estimated  CPU used");
        int failed = 0;
        foreach (var folder in Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "examples", "out")).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(folder);
            if (only is not null && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }
            var bag = new DiagnosticBag();
            string example = Path.Combine(RepoPaths.Root, "examples", name[..name.IndexOf('.', StringComparison.Ordinal)] + ".qasm");
            var source = QasmFrontEnd.Load(example, QasmOptions.Default, bag) ?? throw new InvalidDataException(example);
            var joined = NodeJoiner.Load(Path.Combine(folder, "nodes"), bag) ?? throw new InvalidDataException(folder);
            var (reference, candidate) = TerminalMeasurements.StripMatching(source, joined.Circuit);
            int events = candidate.Operations.Count(o => o is MeasureOperation or ResetOperation);
            var (updates, peak, perRun) = SimulationWork.PerRun(LiveOrder.Reorder(candidate, joined.StartMap), joined.StartMap);
            var options = new EquivalenceOptions { Seed = 1, OutputQubitMap = joined.EndMap, Simulation = new SimulationOptions { Threads = threads } };
            var times = new List<double>();
            var cpu = new List<double>();
            EquivalenceResult? result = null;
            for (int r = 0; r < repeat; r++)
            {
                var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                result = Equivalence.Check(reference, candidate, joined.StartMap, options);
                times.Add(clock.Elapsed.TotalSeconds);
                cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds);
            }
            failed += result!.Equivalent ? 0 : 1;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-24} {candidate.QubitCount,13} {peak,13} {candidate.Operations.Length,11} {events,7} {updates,16:E2} {result.InputStates,7} {result.Branches,9}  {times.Min(),9:F3} s  {times.Min() * 1e9 / (updates * (result.Branches + result.InputStates)),13:F3} {perRun * (result.Branches + result.InputStates),12:F2} s {cpu.Min(),7:F2} s  ({string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))}){(result.Equivalent ? "" : "  NOT EQUIVALENT: " + result)}"));
        }
        return failed == 0 ? 0 : 1;
    }
}
