using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Qdc.Circuits;
using Qdc.Compiler.Distribution;

namespace Qdc.Compiler.Scheduling;

/// <summary>Turns a finished <see cref="ListScheduler"/> run into the immutable <see cref="Schedule"/> and its figures.</summary>
internal static class ScheduleBuilder
{
    public static Schedule Build(TaskGraph g, Topology.Topology topology, ListScheduler run, DistillationPlan[] plans, EprTiming timing, double criticalPath, List<string> warnings)
    {
        var program = g.Program;
        var ops = program.Circuit.Operations;
        int n = g.Count;
        var start = new double[n];
        var end = new double[n];
        double makespan = 0;
        for (int t = 0; t < n; t++)
        {
            int owner = t;
            while (!g.IsTask[owner])
            {
                owner--;
            }
            start[t] = run.Start[owner];
            end[t] = run.End[owner];
            makespan = Math.Max(makespan, end[t]);
        }

        var pairs = ImmutableArray.CreateBuilder<ScheduledPair>(program.EprPairs.Length);
        double log10Pairs = 0, log10Gates = 0;
        foreach (var pair in program.EprPairs)
        {
            int t = pair.Operation;
            int p = pair.Index;
            var plan = plans[pair.Link];
            double delivered = run.End[t];
            double waitA = Wait(g, g.PairOccA[p], run, delivered);
            double waitB = Wait(g, g.PairOccB[p], run, delivered);
            double atUse = PairDecay.Fidelity(plan.Fidelity, waitA, topology.Qpus[pair.QpuA].T2, waitB, topology.Qpus[pair.QpuB].T2);
            log10Pairs += Math.Log10(atUse);
            pairs.Add(new ScheduledPair(
                run.Start[t], run.Start[t] + g.GenerationTime[p], delivered,
                g.PairOccA[p] < 0 ? -1 : run.OccSlot[g.PairOccA[p]],
                g.PairOccB[p] < 0 ? -1 : run.OccSlot[g.PairOccB[p]],
                plan.RawPairsPerEbit, plan.Fidelity, atUse));
        }

        var messages = ImmutableArray.CreateBuilder<ScheduledMessage>();
        foreach (var m in g.Messages)
        {
            double at = run.End[m.Writer];
            for (int hop = 0; hop < m.Path.Links.Length; hop++)
            {
                double latency = topology.Links[m.Path.Links[hop]].Latency;
                messages.Add(new ScheduledMessage(m.Clbit, m.Writer, m.Path.Qpus[hop], m.Path.Qpus[hop + 1], m.Path.Links[hop], at, at + latency, hop));
                at += latency;
            }
        }

        var links = ImmutableArray.CreateBuilder<LinkUsage>(topology.Links.Length);
        for (int l = 0; l < topology.Links.Length; l++)
        {
            var link = topology.Links[l];
            long delivered = program.EbitsByLink[l];
            double capacity = link.ParallelPairs * makespan;
            links.Add(new LinkUsage(delivered * plans[l].RawPairsPerEbit, delivered, capacity > 0 ? run.GeneratorBusy[l] / capacity : 0, run.GeneratorBusy[l], plans[l]));
        }

        var busy = new double[topology.QpuCount];
        for (int t = 0; t < n; t++)
        {
            if (g.IsTask[t] && g.PairOfTask[t] < 0)
            {
                busy[g.Qpu[t]] += g.Duration[t];
                log10Gates += Math.Log10(1 - ErrorOf(ops[t], ErrorRates.For(topology.Qpus[g.Qpu[t]].Platform)));
            }
        }
        var success = new SuccessEstimate(log10Gates, log10Pairs, IdleLog10(g, run, topology));

        var slots = new int[g.OperandOcc.Length];
        for (int k = 0; k < slots.Length; k++)
        {
            slots[k] = g.OperandOcc[k] < 0 ? -1 : run.OccSlot[g.OperandOcc[k]];
        }
        var registers = new string[topology.QpuCount];
        for (int v = 0; v < registers.Length; v++)
        {
            registers[v] = $"{topology.Qpus[v].Id}_comm";
        }
        for (int q = program.Circuit.QubitCount - 1; q >= 0; q--)
        {
            if (program.IsCommQubit[q])
            {
                registers[program.QpuOfQubit[q]] = program.Circuit.QuantumRegisters.First(r => r.Contains(q)).Name;
            }
        }

        return new Schedule(
            program, topology, timing, makespan, criticalPath,
            ImmutableCollectionsMarshal.AsImmutableArray(start), ImmutableCollectionsMarshal.AsImmutableArray(end),
            pairs.MoveToImmutable(), messages.ToImmutable(), links.MoveToImmutable(),
            [.. run.PeakComm], [.. busy], success, [.. warnings],
            g.OperandOffset, slots, registers);
    }

    // How long a pair half waits between delivery and its first use.
    private static double Wait(TaskGraph g, int occ, ListScheduler run, double delivered) =>
        occ < 0 || g.OccFirstUse[occ] < 0 ? 0 : Math.Max(0, run.Start[g.OccFirstUse[occ]] - delivered);

    private static double ErrorOf(Operation op, ErrorRates rates) => op switch
    {
        GateOperation g => g.Qubits.Length >= 2 ? rates.TwoQubit : rates.OneQubit,
        MeasureOperation => rates.Measure,
        ResetOperation => rates.Reset,
        _ => 0,
    };

    /// <summary>
    /// Dephasing while a qubit holding state idles: a factor exp(−idle/T2) per data qubit and per
    /// communication-qubit occupancy (from its first use; the wait before it is already in the
    /// pair's decayed fidelity). A measurement ends what a qubit holds and a reset starts anew, so
    /// a home qubit whose state was teleported away, or a spare a visitor left, does not count
    /// as idle until it holds state again.
    /// </summary>
    private static double IdleLog10(TaskGraph g, ListScheduler run, Topology.Topology topology)
    {
        var program = g.Program;
        int qubits = program.Circuit.QubitCount;
        int wires = qubits + g.OccupancyCount;
        // The open stretch of each wire: first start, last end, and the time spent in operations.
        var first = new double[wires];
        var last = new double[wires];
        var busy = new double[wires];
        var qpu = new int[wires];
        Array.Fill(first, double.PositiveInfinity);
        double ln = 0;
        void Close(int w)
        {
            double t2 = topology.Qpus[qpu[w]].T2;
            if (double.IsFinite(first[w]) && t2 > 0)
            {
                ln -= Math.Max(0, last[w] - first[w] - busy[w]) / t2;
            }
            (first[w], last[w], busy[w]) = (double.PositiveInfinity, 0, 0);
        }
        var ops = program.Circuit.Operations;
        for (int t = 0; t < g.Count; t++)
        {
            if (!g.IsTask[t] || g.PairOfTask[t] >= 0)
            {
                continue;
            }
            var op = ops[t];
            for (int s = 0; s < op.Qubits.Length; s++)
            {
                int occ = g.OperandOcc[g.OperandOffset[t] + s];
                int w = occ < 0 ? op.Qubits[s] : qubits + occ;
                if (op is ResetOperation)
                {
                    Close(w);
                }
                first[w] = Math.Min(first[w], run.Start[t]);
                last[w] = Math.Max(last[w], run.End[t]);
                busy[w] += g.Duration[t];
                qpu[w] = program.QpuOfQubit[op.Qubits[s]];
                if (op is MeasureOperation)
                {
                    Close(w);
                }
            }
        }
        for (int w = 0; w < wires; w++)
        {
            Close(w);
        }
        return ln / Math.Log(10);
    }
}
