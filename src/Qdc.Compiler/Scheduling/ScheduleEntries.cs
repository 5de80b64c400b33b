using System.Collections.Immutable;
using Qdc.Circuits;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// A schedule as schedule.json lists it: one entry per operation, pair, distillation and message
/// hop, and one per entanglement swap, sorted by start then a stable order.
/// </summary>
public static class ScheduleEntries
{
    // Order = operation index · 2^16 + sub: the operation or pair first, its distillation, then its messages.
    private const int SubBits = 16;

    public static ImmutableArray<ScheduledOperation> Of(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var program = schedule.Program;
        var topology = schedule.Topology;
        var circuit = program.Circuit;
        var ops = circuit.Operations;
        var pairAt = new int[ops.Length];
        Array.Fill(pairAt, -1);
        foreach (var pair in program.EprPairs)
        {
            for (int k = 0; k < Distribution.EprPair.OperationCount; k++)
            {
                pairAt[pair.Operation + k] = k == 0 ? pair.Index : -2;
            }
        }
        var list = new List<ScheduledOperation>(ops.Length + schedule.Messages.Length);
        for (int i = 0; i < ops.Length; i++)
        {
            if (pairAt[i] == -2)
            {
                continue;
            }
            if (pairAt[i] >= 0)
            {
                AddPair(schedule, pairAt[i], list);
                continue;
            }
            var op = ops[i];
            var qubits = ImmutableArray.CreateBuilder<string>(op.Qubits.Length);
            var qpus = new SortedSet<int>();
            for (int s = 0; s < op.Qubits.Length; s++)
            {
                qubits.Add(schedule.QubitName(i, s));
                qpus.Add(program.QpuOfQubit[op.Qubits[s]]);
            }
            int qpu = op.Qubits.Length > 0 ? program.QpuOfQubit[op.Qubits[0]] : 0;
            (string kind, string name) = op switch
            {
                GateOperation g => ("gate", g.Gate.Name),
                MeasureOperation => ("measure", "measure"),
                ResetOperation => ("reset", "reset"),
                _ => ("barrier", "barrier"),
            };
            list.Add(new ScheduledOperation(
                schedule.OperationStart[i], schedule.OperationEnd[i], kind, name, topology.Qpus[qpu].Id, null,
                qubits.MoveToImmutable(), qpus.Count > 1 ? [.. qpus.Select(q => topology.Qpus[q].Id)] : [], i, (long)i << SubBits)
            {
                Clbit = op is MeasureOperation m ? m.Clbit : -1,
            });
        }
        var perWriter = new Dictionary<int, int>();
        foreach (var m in schedule.Messages)
        {
            int sub = perWriter.GetValueOrDefault(m.Writer);
            perWriter[m.Writer] = sub + 1;
            list.Add(new ScheduledOperation(
                m.Start, m.End, "message", $"m{m.Clbit}", null, Scheduler.LinkName(topology, m.Link), [], [], -1, ((long)m.Writer << SubBits) + 2 + sub)
            {
                From = topology.Qpus[m.From].Id,
                To = topology.Qpus[m.To].Id,
                Clbit = m.Clbit,
            });
        }
        foreach (var swap in program.Swaps)
        {
            list.Add(SwapEntry(schedule, swap));
        }
        list.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : a.Order.CompareTo(b.Order));
        return [.. list];
    }

    /// <summary>
    /// A swap as one span on its QPU: from its Bell measurement's start (after both pairs exist)
    /// until the far end has both bits. Its operations and messages keep their own entries, so it
    /// names no qubits and no operation.
    /// </summary>
    private static ScheduledOperation SwapEntry(Schedule schedule, Distribution.EntanglementSwap swap)
    {
        var topology = schedule.Topology;
        int last = swap.Operation + Distribution.EntanglementSwap.OperationCount - 1;
        double end = Math.Max(schedule.OperationEnd[last - 1], schedule.OperationEnd[last]);
        foreach (var m in schedule.Messages)
        {
            if ((m.Clbit == swap.ZClbit || m.Clbit == swap.XClbit) && m.To == swap.FarQpu)
            {
                end = Math.Max(end, m.End);
            }
        }
        string qpu = topology.Qpus[swap.Qpu].Id;
        return new ScheduledOperation(
            schedule.OperationStart[swap.Operation], end, "swap", swap.Tag, qpu, null, [], [qpu, topology.Qpus[swap.FarQpu].Id], -1, ((long)swap.Operation << SubBits) + 1)
        {
            From = qpu,
            To = topology.Qpus[swap.FarQpu].Id,
        };
    }

    private static void AddPair(Schedule schedule, int index, List<ScheduledOperation> list)
    {
        var pair = schedule.Program.EprPairs[index];
        var timed = schedule.Pairs[index];
        var topology = schedule.Topology;
        string link = Scheduler.LinkName(topology, pair.Link);
        ImmutableArray<string> qubits = [schedule.QubitName(pair.Operation, 0), schedule.QubitName(pair.Operation + 1, 0)];
        ImmutableArray<string> qpus = [topology.Qpus[pair.QpuA].Id, topology.Qpus[pair.QpuB].Id];
        long order = (long)pair.Operation << SubBits;
        list.Add(new ScheduledOperation(timed.Start, timed.Generated, "epr", pair.Tag, null, link, qubits, qpus, pair.Operation, order)
        {
            Pair = index,
            RawPairs = timed.RawPairs,
        });
        if (timed.Delivered > timed.Generated)
        {
            list.Add(new ScheduledOperation(timed.Generated, timed.Delivered, "distill", pair.Tag, null, link, qubits, qpus, pair.Operation, order + 1) { Pair = index });
        }
    }
}
