using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Emission;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Qasm;
using Qdc.Qasm.NodePrograms;
using Qdc.Simulation;
using Qdc.Simulation.Stabilizer;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// compile → validate proven on every QASMBench row of reference README §2: each circuit's Clifford
/// proxy compiled (auto strategy) onto k = 2, 3, 4 all-to-all QPUs of ⌊n/k⌋+1 qubits with 2
/// communication qubits, its node programs emitted, read back and joined, and the join checked
/// against the proxy on a stabilizer tableau (32 random measurement branches). The source's own
/// ebits are printed beside the proxy's: equal, since the proxy keeps the hypergraph.
/// </summary>
public sealed class CliffordSuite : ISuite
{
    // Corrections dropped one at a time, at most, per row.
    private const int MaxDropped = 5;

    public string Name => "clifford";

    public string Description => "QASMBench rows: Clifford proxy compiled at k = 2, 3, 4 and proven equivalent on a stabilizer tableau";

    public int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? only = args.Length > 0 ? args[0] : null;
        output.WriteLine("qasmbench        k  qubits  joined qubits  operations  ebits  source ebits  compile     check   branches  verdict");
        int rows = 0, proven = 0, same = 0, caught = 0;
        foreach (var (name, _) in QasmBenchCircuits.Rows)
        {
            if (only is not null && !name.Contains(only, StringComparison.Ordinal))
            {
                continue;
            }
            if (QasmBenchCircuits.Load(name) is not { } loaded)
            {
                output.WriteLine($"{name,-16} (not in the corpus)");
                continue;
            }
            var source = TerminalMeasurements.Strip(loaded);
            var proxy = CliffordProxy.Of(source);
            for (int k = 2; k <= 4; k++)
            {
                var topology = PipelineSuite.AllToAll(k, (source.QubitCount / k) + 1);
                var clock = Stopwatch.StartNew();
                var (program, joined) = Compile(proxy, topology);
                double compile = clock.Elapsed.TotalSeconds;
                long sourceEbits = Compile(source, topology).Program.Ebits;
                clock.Restart();
                var result = CliffordEquivalence.Check(proxy, joined.Circuit, joined.StartMap, new CliffordEquivalenceOptions { OutputQubitMap = joined.EndMap });
                double check = clock.Elapsed.TotalSeconds;
                // The same check with a correction dropped must fail: drop them in order until one does
                // (in a proxy one can be redundant: cz gates that cancel leave a copy's frame unused).
                var candidate = joined.Circuit;
                var corrections = Enumerable.Range(0, candidate.Operations.Length).Where(i => candidate.Operations[i].Condition is not null).Take(MaxDropped).ToList();
                int tried = 0;
                bool brokenCaught = false;
                foreach (int at in corrections)
                {
                    tried++;
                    var broken = CliffordEquivalence.Check(proxy, candidate.WithOperations(candidate.Operations.RemoveAt(at)), joined.StartMap, new CliffordEquivalenceOptions { OutputQubitMap = joined.EndMap });
                    if (!broken.Equivalent)
                    {
                        brokenCaught = true;
                        break;
                    }
                }
                caught += brokenCaught ? 1 : 0;
                rows++;
                proven += result.Equivalent ? 1 : 0;
                same += program.Ebits == sourceEbits ? 1 : 0;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} {k,1} {source.QubitCount,7} {joined.Circuit.QubitCount,14} {joined.Circuit.Operations.Length,11} {program.Ebits,6} {sourceEbits,13} {compile,7:F2} s {check,7:F2} s {result.Branches,9}  {(result.Equivalent ? "equivalent" : result.ToString())}{(brokenCaught ? $"; correction {tried} dropped: caught" : $"; {tried} corrections dropped: none caught")}"));
            }
        }
        output.WriteLine($"{proven} of {rows} rows proven equivalent; {same} of {rows} spend the source's ebits; {caught} of {rows} with a correction dropped caught");
        return proven == rows ? 0 : 1;
    }

    /// <summary>As compile does it (seed 1, auto, scheduled), then emitted, read back and joined as qdc validate does.</summary>
    private static (DistributedProgram Program, JoinedProgram Joined) Compile(Circuit circuit, Qdc.Compiler.Topology.Topology topology)
    {
        var bag = new DiagnosticBag();
        var placement = CircuitPartitioner.Place(circuit, topology, new PartitionOptions { Seed = 1, Teledata = true }) ?? throw new InvalidOperationException("does not fit");
        var (_, program) = Distributor.LowerBest(placement, topology, new DistributionOptions { Strategy = DistributionStrategy.Auto }, bag) ?? throw new InvalidOperationException(string.Join("\n", bag.Items));
        // Scheduled, as compile emits them: operations in scheduled order, commuting ones reordered.
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _) ?? throw new InvalidOperationException("cannot schedule");
        var nodes = NodeEmitter.Emit(program, topology, bag, schedule);
        var parsed = nodes.Select(n => QasmFrontEnd.LoadNode(new SourceText("nodes/" + n.FileName, n.Text), QasmOptions.Default, bag)).ToList();
        var joined = parsed.Any(p => p is null) ? null : NodeJoiner.Join([.. parsed.OfType<NodeProgramSyntax>()], bag);
        return (program, joined ?? throw new InvalidOperationException(string.Join("\n", bag.Items)));
    }
}
