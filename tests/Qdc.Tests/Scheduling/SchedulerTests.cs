using Qdc.Circuits;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Tests.Distribution;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;

namespace Qdc.Tests.Scheduling;

/// <summary>The scheduler's behaviour on programs whose best timing is known.</summary>
public class SchedulerTests
{
    /// <summary>A GHZ chain over four QPUs in a line, two qubits each: three pairs, each needed only after the previous one is used.</summary>
    private static (DistributedProgram Program, QdcTopology Topology) GhzLine(double fidelity = 1.0, int comm = 2)
    {
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 8);
        b.Gate("h", [], 0);
        for (int i = 0; i < 7; i++)
        {
            b.Gate("cx", [], i, i + 1);
        }
        var line = DistributionFixtures.Line(4, 2, comm);
        var topology = line with { Links = [.. line.Links.Select(l => l with { EprFidelity = fidelity, Latency = 10e-6 })] };
        var placement = CircuitPartitioner.Place(b.Build(), topology, new PartitionOptions { Seed = 1, MaxDegreeOfParallelism = 1 })!;
        return (Distributor.Lower(placement, topology), topology);
    }

    private static Schedule Run(DistributedProgram program, QdcTopology topology, SchedulerOptions options) =>
        Scheduler.Schedule(program, topology, options, out string? why) ?? throw new InvalidOperationException(why);

    [Fact]
    public void PrefetchOverlapsPairsTheBaselineMakesOneAfterAnother()
    {
        var (program, topology) = GhzLine();
        Assert.Equal(3, program.Ebits);
        var prefetch = Run(program, topology, new SchedulerOptions());
        var baseline = Run(program, topology, new SchedulerOptions { Timing = EprTiming.OnDemand });
        double pair = 1 / topology.Links[0].EprRate;
        // Prefetch: all three pairs at once, then microseconds of gates and messages.
        Assert.InRange(prefetch.MakespanSeconds, pair, pair * 1.1);
        Assert.All(prefetch.Pairs, p => Assert.Equal(0, p.Start));
        // The baseline waits for each pair in turn.
        Assert.True(baseline.MakespanSeconds >= 3 * pair, $"{baseline.MakespanSeconds}");
        // A prefetched pair waits for its gate and decays meanwhile; a baseline pair is used at once.
        Assert.Contains(prefetch.Pairs, p => p.FidelityAtUse < p.DeliveredFidelity);
        Assert.True(prefetch.Log10SuccessProbability < 0);
    }

    [Fact]
    public void AnAdderCarryHubIsScheduledAtItsHandDerivedOptimum()
    {
        // The shape of QASMBench's adders at k = 3–4: the carry crosses a hub QPU (2) whose two
        // communication qubits a Toffoli holds with copies of two controls from QPU 1, and then
        // needs four copies from QPU 0 one after another. Link 1–2 makes its three pairs by 3 ms
        // (one generator), and both hub qubits stay held until the Toffoli, after the third; a
        // pair from QPU 0 holds a hub qubit from its generation to its gate, after the Toffoli,
        // so none can start before 3 ms, and link 0–2's four take until 7 ms. The bound
        // (4 ms, the busiest link) is 1.75× off; the scheduler itself loses only the gates' µs.
        var topology = DistributionFixtures.AllToAll(3, 4);
        var b = new CatTelegate(topology, 4, 2);
        var cz = Gate.Create("cz");
        var cx = Gate.Create("cx");
        int carry = b.Data(2, 0), next = b.Data(2, 1);
        b.Telegate(1, 0, 2, 0, cx);
        int c1 = b.Open(1, 1, 2, slot: 0), c2 = b.Open(1, 2, 2, slot: 1);
        foreach (int copy in new[] { c1, c2, c1, c2 })
        {
            b.Local(cx, copy, carry);
        }
        b.Close(1, 1, 2, slot: 0);
        b.Close(1, 2, 2, slot: 1);
        b.Local(cx, carry, next);
        for (int i = 0; i < 4; i++)
        {
            // Each copy targets the carry's next qubit (not diagonal there), so they run in order.
            b.Telegate(0, i, 2, 1, cx, slot: i % 2);
            b.Local(Gate.Create("h"), next);
        }
        b.Local(cz, carry, next);
        var program = b.Build();
        var schedule = Run(program, topology, new SchedulerOptions());
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
        Assert.InRange(schedule.MakespanSeconds, 7e-3, 7.1e-3);
        Assert.True(Scheduler.LowerBound(program, topology, new SchedulerOptions()) <= schedule.MakespanSeconds);
    }

    [Fact]
    public void OneCommunicationQubitSerialisesThePairsOfAQpu()
    {
        // Every gate couples qubit 0 (on one QPU) to the other: its copies queue for the one comm qubit.
        var b = new CircuitBuilder();
        b.AddQuantumRegister("q", 4);
        for (int i = 0; i < 6; i++)
        {
            b.Gate("cx", [], i % 2, 2 + (i % 2));
            b.Gate("h", [], i % 2);
        }
        var two = DistributionFixtures.AllToAll(2, 2, commQubits: 1);
        var topology = two with { Links = [two.Links[0] with { ParallelPairs = 4 }] };
        var placement = CircuitPartitioner.Place(b.Build(), topology, new PartitionOptions { Seed = 1, MaxDegreeOfParallelism = 1 })!;
        var program = Distributor.Lower(placement, topology);
        var schedule = Run(program, topology, new SchedulerOptions());
        Assert.All(schedule.PeakCommQubits, peak => Assert.True(peak <= 1));
        Assert.Empty(schedule.Warnings);
        // Four generators, but one comm qubit per QPU: the pairs cannot overlap.
        Assert.True(schedule.MakespanSeconds >= program.Ebits / topology.Links[0].EprRate, $"{schedule.MakespanSeconds} for {program.Ebits} pairs");
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
    }

    [Fact]
    public void DistillationSpendsRawPairsAndTime()
    {
        var (program, topology) = GhzLine(fidelity: 0.8);
        var plain = Run(program, topology, new SchedulerOptions());
        var distilled = Run(program, topology, new SchedulerOptions { MinPairFidelity = 0.9 });
        var plan = Distillation.Plan(0.8, 0.9, DistillationProtocol.Dejmps)!;
        Assert.True(plan.Rounds >= 1);
        for (int l = 0; l < topology.Links.Length; l++)
        {
            Assert.Equal(program.EbitsByLink[l], distilled.Links[l].DeliveredEbits);
            Assert.Equal(program.EbitsByLink[l] * plan.RawPairsPerEbit, distilled.Links[l].RawPairs, 9);
            Assert.Equal(program.EbitsByLink[l], plain.Links[l].RawPairs);
        }
        Assert.True(distilled.MakespanSeconds >= plan.RawPairsPerEbit / topology.Links[0].EprRate);
        Assert.All(distilled.Pairs, p => Assert.True(p.DeliveredFidelity >= 0.9));
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(distilled), program, topology));
    }

    [Fact]
    public void AnUnreachableFidelityIsInfeasibleAndNamesTheLink()
    {
        var (program, topology) = GhzLine(fidelity: 0.5);
        Assert.Null(Scheduler.Schedule(program, topology, new SchedulerOptions { MinPairFidelity = 0.9 }, out string? why));
        Assert.Contains("qpu0--qpu1", why);
    }

    [Fact]
    public void ScheduleJsonIsDeterministic()
    {
        var (program, topology) = GhzLine();
        string a = ScheduleJson.Write(Run(program, topology, new SchedulerOptions()));
        string b = ScheduleJson.Write(Run(program, topology, new SchedulerOptions()));
        Assert.Equal(a, b);
        Assert.DoesNotContain("\r", a);
    }

    [Fact]
    public void TheIonQpuDominatesTheMixedCenter()
    {
        var topology = TopologyLoader.Load(Path.Combine(TestSupport.RepoPaths.Root, "examples", "mixed-sc-ion.json"), new Qdc.Circuits.Diagnostics.DiagnosticBag())!;
        var source = Qdc.Qasm.QasmFrontEnd.Load(Path.Combine(TestSupport.RepoPaths.Root, "examples", "qft16.qasm"), Qdc.Qasm.QasmOptions.Default, new Qdc.Circuits.Diagnostics.DiagnosticBag())!;
        var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = 1 })!;
        var program = Distributor.Lower(placement, topology);
        var schedule = Run(program, topology, new SchedulerOptions());
        int ion = topology.IndexOf("ion0");
        Assert.Equal(Platform.TrappedIon, topology.Qpus[ion].Platform);
        // Ion gates take 10–200 µs against 30–300 ns: its operation time outweighs both superconducting QPUs' many times over.
        double sc = schedule.QpuBusySeconds[topology.IndexOf("sc0")] + schedule.QpuBusySeconds[topology.IndexOf("sc1")];
        Assert.True(schedule.QpuBusySeconds[ion] > 10 * sc, $"ion {schedule.QpuBusySeconds[ion]} s, superconducting {sc} s");
        Assert.True(schedule.CriticalPathSeconds > 100e-6, "the ion gates set the critical path");
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
    }

    // QASMBench's qft_n29 as `qdc compile` places and lowers it (seed 1, auto), on four all-to-all
    // superconducting QPUs of 8 with `comm` communication qubits, links at 1,000 pairs/s and 10 µs.
    private static (DistributedProgram Program, QdcTopology Topology) Qft29(int comm)
    {
        var file = Path.Combine(RepoPaths.Shared, "corpus", "qasmbench", "large", "qft_n29", "qft_n29.qasm");
        var circuit = Qdc.Qasm.QasmFrontEnd.Load(file, Qdc.Qasm.QasmOptions.Default, new Qdc.Circuits.Diagnostics.DiagnosticBag())!;
        var source = circuit.WithOperations([.. circuit.Operations.Where(o => o is GateOperation)]);
        var links = new List<Link>();
        for (int a = 0; a < 4; a++)
        {
            for (int b = a + 1; b < 4; b++)
            {
                links.Add(new Link(a, b, 1000, 0.98, 10e-6, 1));
            }
        }
        var topology = new QdcTopology("qft29", [.. Enumerable.Range(0, 4).Select(i => Qpu.FromPreset($"qpu{i}", 8, Platform.Superconducting, comm))], [.. links], Swapping: true);
        var placement = CircuitPartitioner.Place(source, topology, new PartitionOptions { Seed = 1, Teledata = true })!;
        var (_, program) = Distributor.LowerBest(placement, topology, new DistributionOptions(), new Qdc.Circuits.Diagnostics.DiagnosticBag(), cost: Scheduler.MakespanCost(topology, new SchedulerOptions()))!.Value;
        return (program, topology);
    }

    [Fact]
    public void CopiesAllWantedAtOnceAreMadeAheadOnTheirGenerator()
    {
        // QPU 3's five copies to QPU 1 can be used only once QPU 1's last qubit is done (about 8 ms,
        // after link 0–1's eight pairs), and QPU 1 has two spare communication qubits before that.
        // Held back to that time, the five queue on link 1–3's one generator and end at 12 ms; made
        // one generation ahead, two wait in the spare qubits and the rest follow: 11.04 ms.
        var (program, topology) = Qft29(comm: 4);
        Assert.Equal(39, program.Ebits);
        var schedule = Run(program, topology, new SchedulerOptions());
        Assert.Empty(ScheduleChecker.Check(ScheduleJson.Write(schedule), program, topology));
        double busiest = Enumerable.Range(0, topology.Links.Length).Max(l => schedule.Links[l].RawPairs / topology.Links[l].EprRate);
        double bound = Math.Max(schedule.CriticalPathSeconds, busiest);
        Assert.Equal(8e-3, bound, 1e-9);
        // The target, 1.5× its bound: 12.026 ms before the copies were made ahead.
        Assert.InRange(schedule.MakespanSeconds, Scheduler.LowerBound(program, topology, new SchedulerOptions())!.Value, 1.5 * bound);
        Assert.True(schedule.MakespanSeconds <= Run(program, topology, new SchedulerOptions { Timing = EprTiming.OnDemand }).MakespanSeconds);
    }

    [Fact]
    public void MakingAheadMovesEachLinksFirstPairsByTheirPlaceInTheQueue()
    {
        var (program, topology) = Qft29(comm: 4);
        var graph = new TaskGraph(program, topology, new TopologyMetrics(topology), [.. topology.Links.Select(l => DistillationPlan.None(l.EprFidelity))]);
        double gen = 1 / topology.Links[0].EprRate;
        var wanted = Enumerable.Repeat(8e-3, program.EprPairs.Length).ToArray();
        foreach (int generators in new[] { 1, 2 })
        {
            var many = topology with { Links = [.. topology.Links.Select(l => l with { ParallelPairs = generators })] };
            var moved = JustInTime.MakeAhead(graph, many, wanted, ahead: 2);
            foreach (var onLink in program.EprPairs.GroupBy(p => p.Link))
            {
                // Ties go in program order: per generator, the first moves two generations, the second one.
                var pairs = onLink.OrderBy(p => p.Index).ToArray();
                for (int i = 0; i < pairs.Length; i++)
                {
                    double expected = i < 2 * generators ? 8e-3 - ((2 - (i / generators)) * gen) : 8e-3;
                    Assert.Equal(expected, moved[pairs[i].Index], 1e-12);
                }
            }
        }
        // Never before time zero.
        Assert.All(JustInTime.MakeAhead(graph, topology, new double[program.EprPairs.Length], ahead: 3), r => Assert.Equal(0, r));
    }
}
