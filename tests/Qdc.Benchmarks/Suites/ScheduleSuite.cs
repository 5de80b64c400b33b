using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using Qdc.Circuits;
using Qdc.Circuits.Diagnostics;
using Qdc.Circuits.Gates;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Partitioning;
using Qdc.Compiler.Scheduling;
using Qdc.Compiler.Topology;
using Qdc.Tests.TestSupport;
using QdcTopology = Qdc.Compiler.Topology.Topology;
using SplitMix64 = Qdc.Compiler.Partitioning.SplitMix64;

namespace Qdc.Benchmarks.Suites;

/// <summary>
/// The scheduler's targets: (a) prefetch against the on-demand baseline on the QASMBench rows of
/// the reference README §2 (k all-to-all superconducting QPUs of ⌊n/k⌋+1, 1,000 pairs/s, 10 µs),
/// (b) makespan against max(critical path, busiest link's pairs ÷ rate), (c) the time to schedule
/// a synthetic 1000-qubit, 1,000,000-operation distributed program.
/// </summary>
public sealed class ScheduleSuite : ISuite
{
    private static readonly string[] QasmBench =
    [
        "qft_n29", "qft_n63", "ghz_n40", "ghz_n78", "cat_n35", "cat_n65", "adder_n28", "adder_n64",
        "dnn_n33", "dnn_n51", "ising_n34", "ising_n42", "ising_n66", "ising_n98",
    ];

    public string Name => "schedule";

    public string Description => "scheduler: prefetch vs on-demand makespan, bound ratio, 1M-operation speed";

    public int Run(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        string? only = args.Length > 0 ? args[0] : null;
        if (only is null || only == "qasmbench")
        {
            // An optional second argument sets the communication qubits per QPU (default 2, as dc.json's).
            QasmBenchRows(output, args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Qpu.DefaultCommQubits);
        }
        if (only is null || only == "large")
        {
            Large(output);
        }
        return 0;
    }

    private static void QasmBenchRows(TextWriter output, int comm)
    {
        // "at most": how much shorter than the baseline any schedule could be, given the bound.
        // "comm ms": a second bound the leaves out: each pair holds a communication qubit at both
        // ends while it is generated, so a QPU needs Σ(its pairs' generation time) ÷ (its communication qubits).
        output.WriteLine($"qasmbench        k  ebits  prefetch ms  on-demand ms  shorter  at most   bound ms  ratio   comm ms  ratio to both   ({comm} comm qubits per QPU)");
        var both = new List<double>();
        var reductions = new List<double>();
        var ratios = new List<double>();
        var possible = new List<double>();
        foreach (var name in QasmBench)
        {
            if (QasmBenchCircuits.Load(name) is not { } circuit)
            {
                output.WriteLine($"{name,-16} (not in the corpus)");
                continue;
            }
            var unitary = circuit.WithOperations([.. circuit.Operations.Where(o => o is GateOperation)]);
            for (int k = 2; k <= 4; k++)
            {
                var topology = Center(k, (unitary.QubitCount / k) + 1, comm);
                var placement = CircuitPartitioner.Place(unitary, topology, new PartitionOptions { Seed = 1 }) ?? throw new InvalidOperationException(name);
                var program = Distributor.Lower(placement, topology);
                var prefetch = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
                var baseline = Scheduler.Schedule(program, topology, new SchedulerOptions { Timing = EprTiming.OnDemand }, out _)!;
                double busiest = Enumerable.Range(0, topology.Links.Length).Max(l => prefetch.Links[l].RawPairs / topology.Links[l].EprRate / topology.Links[l].ParallelPairs);
                double bound = Math.Max(prefetch.CriticalPathSeconds, busiest);
                double shorter = 1 - (prefetch.MakespanSeconds / baseline.MakespanSeconds);
                double ratio = prefetch.MakespanSeconds / bound;
                double commBound = Enumerable.Range(0, k).Max(q => Enumerable.Range(0, topology.Links.Length)
                    .Where(l => topology.Links[l].A == q || topology.Links[l].B == q)
                    .Sum(l => prefetch.Links[l].RawPairs / topology.Links[l].EprRate) / topology.Qpus[q].CommQubits);
                double ratioBoth = prefetch.MakespanSeconds / Math.Max(bound, commBound);
                both.Add(ratioBoth);
                reductions.Add(shorter);
                possible.Add(1 - (bound / baseline.MakespanSeconds));
                ratios.Add(ratio);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{name,-16} {k,1} {program.Ebits,6} {prefetch.MakespanSeconds * 1e3,12:F3} {baseline.MakespanSeconds * 1e3,13:F3} {shorter,7:P0} {1 - (bound / baseline.MakespanSeconds),8:P0} {bound * 1e3,10:F3} {ratio,6:F2} {commBound * 1e3,8:F3} {ratioBoth,14:F2}"));
            }
        }
        if (reductions.Count > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"mean shorter {reductions.Average():P1} (rows ≥ 30%: {reductions.Count(r => r >= 0.3)}/{reductions.Count}; rows where the bound allows ≥ 30%: {possible.Count(r => r >= 0.3)}); ratio mean {ratios.Average():F2}, max {ratios.Max():F2}, rows ≤ 1.5: {ratios.Count(r => r <= 1.5)}/{ratios.Count}; against both bounds max {both.Max():F2}, rows ≤ 1.5: {both.Count(r => r <= 1.5)}/{both.Count}"));
        }
    }

    /// <summary>k all-to-all superconducting QPUs, links at 1,000 pairs/s and 10 µs latency.</summary>
    private static QdcTopology Center(int k, int perQpu, int comm = Qpu.DefaultCommQubits)
    {
        var links = new List<Link>();
        for (int a = 0; a < k; a++)
        {
            for (int b = a + 1; b < k; b++)
            {
                links.Add(new Link(a, b, 1000, 0.98, 10e-6, 1));
            }
        }
        return new QdcTopology($"bench-{k}", [.. Enumerable.Range(0, k).Select(i => Qpu.FromPreset($"qpu{i}", perQpu, Platform.Superconducting, comm))], [.. links], Swapping: true);
    }

    private static void Large(TextWriter output)
    {
        output.WriteLine();
        const int Qpus = 4, PerQpu = 250, Operations = 1_000_000;
        var topology = Center(Qpus, PerQpu);
        var clock = Stopwatch.StartNew();
        var program = SyntheticProgram(topology, PerQpu, Operations, seed: 1);
        double build = clock.Elapsed.TotalSeconds;
        clock.Restart();
        var schedule = Scheduler.Schedule(program, topology, new SchedulerOptions(), out _)!;
        double scheduling = clock.Elapsed.TotalSeconds;
        clock.Restart();
        int bytes = ScheduleJson.Write(schedule).Length;
        double writing = clock.Elapsed.TotalSeconds;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"synthetic {program.Circuit.QubitCount} qubits, {program.Circuit.Operations.Length} operations, {program.Ebits} pairs: built in {build:F2} s, scheduled in {scheduling:F2} s (target < 5 s), schedule.json ({bytes / 1e6:F0} MB) in {writing:F2} s; makespan {schedule.MakespanSeconds:F3} s"));
    }

    /// <summary>
    /// A lowered program built directly (partitioning and lowering a million gates is not what is
    /// measured here): random local one- and two-qubit gates on each QPU, and every 100 operations
    /// a telegate from one QPU to another (pair, cat-entangle, a CZ on the copy, cat-disentangle)
    /// exactly as the lowering writes it.
    /// </summary>
    private static DistributedProgram SyntheticProgram(QdcTopology topology, int perQpu, int operations, ulong seed)
    {
        int qpus = topology.QpuCount;
        const int Comm = 2;
        int width = perQpu + Comm;
        var rng = new SplitMix64(seed);
        Gate h = Gate.Create("h"), x = Gate.Create("x"), z = Gate.Create("z"), cx = Gate.Create("cx"), cz = Gate.Create("cz"), rz = Gate.Create("rz", 0.3);
        var ops = ImmutableArray.CreateBuilder<Operation>(operations + 16);
        var pairs = ImmutableArray.CreateBuilder<EprPair>();
        var ebits = new long[topology.Links.Length];
        int clbits = 0;
        int Data(int qpu, int i) => (qpu * width) + i;
        int CommQubit(int qpu, int i) => (qpu * width) + perQpu + i;
        while (ops.Count < operations)
        {
            int p = rng.Next(qpus);
            if (ops.Count % 100 < 89 || ops.Count > operations - 16)
            {
                int a = rng.Next(perQpu);
                ops.Add(rng.Next(2) == 0
                    ? new GateOperation(rz, [Data(p, a)])
                    : new GateOperation(cz, [Data(p, a), Data(p, (a + 1 + rng.Next(perQpu - 1)) % perQpu)]));
                continue;
            }
            int o = (p + 1 + rng.Next(qpus - 1)) % qpus;
            int link = topology.Links.IndexOf(topology.Links.First(l => l.Joins(p, o)));
            int ca = CommQubit(p, pairs.Count % Comm), cb = CommQubit(o, pairs.Count % Comm);
            int control = Data(p, rng.Next(perQpu)), target = Data(o, rng.Next(perQpu));
            pairs.Add(new EprPair(pairs.Count, link, p, o, ca, cb, ops.Count));
            ebits[link]++;
            ops.Add(new ResetOperation(ca));
            ops.Add(new ResetOperation(cb));
            ops.Add(new GateOperation(h, [ca]));
            ops.Add(new GateOperation(cx, [ca, cb]));
            ops.Add(new GateOperation(cx, [control, ca]));
            ops.Add(new MeasureOperation(ca, clbits));
            ops.Add(new GateOperation(x, [cb], new Condition([clbits++], 1)));
            ops.Add(new GateOperation(cz, [cb, target]));
            ops.Add(new GateOperation(h, [cb]));
            ops.Add(new MeasureOperation(cb, clbits));
            ops.Add(new GateOperation(z, [control], new Condition([clbits++], 1)));
        }
        var qregs = ImmutableArray.CreateBuilder<Register>();
        for (int p = 0; p < qpus; p++)
        {
            qregs.Add(new Register($"qpu{p}_data", perQpu, p * width));
            qregs.Add(new Register($"qpu{p}_comm", Comm, (p * width) + perQpu));
        }
        var circuit = new Circuit(qregs.ToImmutable(), [new Register("net", clbits, 0)], ops.ToImmutable());
        int total = qpus * width;
        return new DistributedProgram(
            circuit,
            [.. Enumerable.Range(0, total).Select(q => q / width)],
            [.. Enumerable.Range(0, total).Select(q => q % width >= perQpu)],
            [.. Enumerable.Range(0, qpus).SelectMany(p => Enumerable.Range(0, perQpu).Select(i => Data(p, i)))],
            pairs.ToImmutable(),
            [.. ebits],
            [.. Enumerable.Repeat(1, qpus)],
            0);
    }
}
