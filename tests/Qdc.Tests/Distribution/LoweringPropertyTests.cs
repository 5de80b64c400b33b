using System.Diagnostics;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Simulation;
using Xunit.Abstractions;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Tests.TestSupport.SplitMix64;

namespace Qdc.Tests.Distribution;

/// <summary>
/// The lowering's property suite: random circuits with mid-circuit measurement and `if` on random
/// topologies, over all three strategies, each program checked for its communication-qubit limit,
/// its pair count (against an independent count of cross-QPU gates) and equivalence with the source;
/// and some programs broken on purpose, which the check must reject.
/// </summary>
public class LoweringPropertyTests(ITestOutputHelper output)
{
    private const int Cases = 200;

    // Simulating past this many slots makes a case slow; such programs are counted, not checked.
    private const int MaxSimulatedQubits = 14;

    private static readonly DistributionStrategy[] Strategies = [DistributionStrategy.Telegate, DistributionStrategy.Auto, DistributionStrategy.Teledata];
    private static readonly EquivalenceOptions Check = new() { Seed = 3, InputStates = 2, BranchesPerState = 2, Exhaustive = ExhaustiveMode.Never };
    private static readonly EquivalenceOptions Harsh = new() { Seed = 4, InputStates = 2, BranchesPerState = 6, Exhaustive = ExhaustiveMode.Never };

    [Fact]
    public void RandomCircuitsWithControlFlowOnRandomTopologies()
    {
        var clock = Stopwatch.StartNew();
        int programs = 0, simulated = 0, validated = 0, infeasible = 0, broken = 0, harmless = 0, serialised = 0, teleports = 0, visits = 0, swaps = 0, parked = 0;
        for (int seed = 0; seed < Cases; seed++)
        {
            var rng = new SplitMix64((ulong)seed + 7000);
            int qubits = 2 + rng.Next(9);
            var source = ControlFlowCircuits.Random(rng, qubits, 6 + rng.Next(14));
            var topology = ControlFlowCircuits.Topology(rng, qubits, out string shape);
            string what = $"seed {seed}: {qubits} qubits on {topology.QpuCount} QPUs ({shape}, comm [{string.Join(",", topology.Qpus.Select(q => q.CommQubits))}])";
            // With Teledata the partitioner may also offer a placement where qubits visit other QPUs.
            var primary = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = (ulong)seed, MaxDegreeOfParallelism = 1, Teledata = true })
                ?? throw new InvalidOperationException($"{what}: does not fit");
            var reference = TerminalMeasurements.Strip(primary.Normalized);
            Circuit? previous = null;
            foreach (var strategy in Strategies)
            {
                var diagnostics = new DiagnosticBag();
                // With auto on odd seeds the lowering is chosen as compile chooses it, by the schedule's
                // makespan (unparked lowerings too); teledata keeps the options' choice, so parked programs stay checked.
                var cost = strategy == DistributionStrategy.Auto && seed % 2 == 1 ? Scheduler.MakespanCost(topology, new SchedulerOptions()) : null;
                var lowered = Distributor.LowerBest(primary, topology, new DistributionOptions { Strategy = strategy }, diagnostics, cost: cost);
                string where = $"{what}, {strategy}";
                if (lowered is not { } best)
                {
                    // Only a relay through a QPU with one communication qubit is impossible.
                    Assert.Equal(DistributionCodes.TooFewCommQubits, Assert.Single(diagnostics.Items).Code);
                    Assert.True(!topology.IsAllToAll && topology.Qpus.Any(q => q.CommQubits == 1), where);
                    infeasible++;
                    continue;
                }
                var (placement, program) = best;
                programs++;
                visits += placement == primary ? 0 : 1;
                AssertResources(placement, topology, program, strategy, where);
                serialised += program.SerialisationEbits != 0 ? 1 : 0;
                parked += program.ParkedVisits > 0 ? 1 : 0;
                teleports += program.EprPairs.Count(p => p.Use == EprUse.Teleport);
                swaps += program.Swaps.Length;
                var candidate = TerminalMeasurements.Strip(program.Circuit);
                if (previous is not null && previous.Operations.SequenceEqual(candidate.Operations))
                {
                    validated++; // the same program as the strategy before, which passed
                    continue;
                }
                if (QubitCompaction.Compact(candidate, program.DataQubitMap, program.DataQubitMap).Circuit.QubitCount > MaxSimulatedQubits)
                {
                    previous = null;
                    continue;
                }
                previous = candidate;
                var r = Equivalence.Check(reference, candidate, program.DataQubitMap, Check);
                Assert.True(r.Equivalent, $"{where}: {r}");
                simulated++;
                validated++;
                if (simulated % 10 == 0 && Broken(candidate, program).Take(3).ToList() is { Count: > 0 } wrongs)
                {
                    // A dropped correction can be harmless in a particular program (a copy whose only
                    // gate meets an already measured qubit, and whose effect a later measurement hides),
                    // so of the first three pairs' corrections, dropping one at least must be caught.
                    if (wrongs.Any(w => !Equivalence.Check(reference, w, program.DataQubitMap, Harsh).Equivalent))
                    {
                        broken++;
                    }
                    else
                    {
                        harmless++;
                        output.WriteLine($"{where}: dropping {wrongs.Count} correction(s) changed nothing the check can see");
                    }
                }
            }
        }
        output.WriteLine($"{programs} programs ({infeasible} infeasible), {validated} validated ({simulated} simulated), {broken} broken ones caught, {serialised} serialised, {teleports} teleport pairs, {swaps} swaps, {visits} from the segmented placement, {parked} parking visitors, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(validated >= 500, $"only {validated} programs were validated");
        Assert.True(broken >= 20, $"only {broken} broken programs were caught");
        Assert.True(harmless * 10 <= broken, $"{harmless} broken programs went unnoticed, against {broken} caught");
        Assert.True(serialised > 0 && teleports > 0, "the suite should serialise and teleport somewhere");
        Assert.True(swaps > 0, "the suite should swap entanglement somewhere (lines, rings and stars have pass-through QPUs)");
        Assert.True(visits > 0, "the segmented placement should win somewhere");
        Assert.True(parked > 0, "a visitor should be parked on a spare data qubit somewhere");
    }

    private static void AssertResources(Placement placement, QdcTopology topology, DistributedProgram program, DistributionStrategy strategy, string where)
    {
        for (int p = 0; p < topology.QpuCount; p++)
        {
            Assert.True(program.PeakCommQubits[p] <= topology.Qpus[p].CommQubits, $"{where}: QPU {p} peaks at {program.PeakCommQubits[p]}");
            // Parked visitors use data qubits the placement left empty, never more than the QPU has.
            int data = Enumerable.Range(0, program.QpuOfQubit.Length).Count(q => program.QpuOfQubit[q] == p && !program.IsCommQubit[q]);
            Assert.True(data <= topology.Qpus[p].DataQubits, $"{where}: QPU {p} uses {data} data qubits of {topology.Qpus[p].DataQubits}");
        }
        // Every gate between QPUs is a pair's CX: count them per link, apart from the program's own record.
        var counted = new long[topology.Links.Length];
        foreach (var op in program.Circuit.Operations)
        {
            if (op is GateOperation { Qubits.Length: 2 } g && program.QpuOfQubit[g.Qubits[0]] is int a && program.QpuOfQubit[g.Qubits[1]] is int b && a != b)
            {
                counted[Enumerable.Range(0, topology.Links.Length).First(l => topology.Links[l].Joins(a, b))]++;
            }
        }
        Assert.Equal(counted, program.EbitsByLink.ToArray());
        Assert.Equal(program.Ebits, counted.Sum());
        if (strategy == DistributionStrategy.Telegate)
        {
            Assert.True(placement.Ebits + program.SerialisationEbits == program.Ebits, $"{where}: {program.Ebits} ebits, predicted {placement.Ebits} + {program.SerialisationEbits}");
        }
    }

    /// <summary>The program without the X correction that completes a pair's use, for each such correction in order (a broken lowering).</summary>
    private static IEnumerable<Circuit> Broken(Circuit candidate, DistributedProgram program)
    {
        var ops = candidate.Operations;
        for (int i = 0; i < ops.Length; i++)
        {
            if (ops[i] is GateOperation { Condition: { } c } g && g.Gate.Name == "x" && c.Clbits[0] >= program.SourceClbits)
            {
                yield return candidate.WithOperations(ops.RemoveAt(i));
            }
        }
    }
}
