using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Topology;

namespace Qdc.Compiler.Scheduling;

/// <summary>
/// The distributed program as scheduling tasks. Task ids are operation indices: every operation is
/// a task except the last three of each EPR pair's four, which the pair's task (at its first
/// operation) stands for. Edges follow qubits, written clbits and read clbits; a clbit read on
/// another QPU than the one that measured it lags by the classical path's latency.
/// Communication qubits are renamed per pair: each pair starts a new occupancy of the qubit, so a
/// pair depends on nothing that used the qubit before; the scheduler gives each occupancy a free
/// physical communication qubit instead (register renaming, as in an out-of-order processor).
/// Operations diagonal on a data qubit commute there, so a run of them is not chained: each waits
/// for the qubit's last non-diagonal operation, and the next non-diagonal one waits for them all.
/// They still cannot overlap on the qubit: the scheduler locks it (<see cref="LockStart"/>), and
/// each such run is a <see cref="Groups"/> entry for the bounds.
/// </summary>
internal sealed class TaskGraph
{
    /// <param name="commute">False to chain every operation on a qubit in program order, commuting or not.</param>
    public TaskGraph(DistributedProgram program, Topology.Topology topology, TopologyMetrics metrics, DistillationPlan[] plans, bool commute = true)
    {
        Program = program;
        var circuit = program.Circuit;
        var ops = circuit.Operations;
        int n = ops.Length;
        Count = n;
        PairOfTask = new int[n];
        Array.Fill(PairOfTask, -1);
        IsTask = new bool[n];
        Array.Fill(IsTask, true);
        foreach (var pair in program.EprPairs)
        {
            CheckPairShape(ops, pair);
            PairOfTask[pair.Operation] = pair.Index;
            for (int k = 1; k < EprPair.OperationCount; k++)
            {
                IsTask[pair.Operation + k] = false;
            }
        }

        Qpu = new int[n];
        Duration = new double[n];
        GenerationTime = new double[program.EprPairs.Length];
        for (int i = 0; i < n; i++)
        {
            if (!IsTask[i])
            {
                continue;
            }
            int p = PairOfTask[i];
            if (p >= 0)
            {
                var pair = program.EprPairs[p];
                var link = topology.Links[pair.Link];
                var plan = plans[pair.Link];
                GenerationTime[p] = plan.RawPairsPerEbit / link.EprRate;
                Duration[i] = GenerationTime[p] + (plan.Rounds * DistillRoundTime(topology, link));
                Qpu[i] = pair.QpuA;
                continue;
            }
            var op = ops[i];
            int qpu = op.Qubits.Length > 0 ? program.QpuOfQubit[op.Qubits[0]] : 0;
            Qpu[i] = qpu;
            var d = topology.Qpus[qpu].Durations;
            Duration[i] = op switch
            {
                GateOperation g => g.Qubits.Length >= 2 ? d.TwoQubit : d.OneQubit,
                MeasureOperation => d.Measure,
                ResetOperation => d.Reset,
                _ => 0,
            };
        }

        // One pass in program order: last task per qubit, last writer and readers per clbit.
        var lastOnQubit = new int[circuit.QubitCount];
        Array.Fill(lastOnQubit, -1);
        var group = new List<int>?[circuit.QubitCount];
        var diagonal = new DiagonalOperands();
        var lockStart = new int[n + 1];
        var lockQubit = new List<int>();
        var groupStart = new List<int> { 0 };
        var groupMember = new List<int>();
        var groupCloser = new List<int>();
        var occOfQubit = new int[circuit.QubitCount];
        Array.Fill(occOfQubit, -1);
        var lastWriter = new int[circuit.ClbitCount];
        Array.Fill(lastWriter, -1);
        var readers = new List<int>?[circuit.ClbitCount];
        var edges = new EdgeList(n * 2);
        var occQpu = new List<int>();
        var occPair = new List<int>();
        var occLast = new List<int>();
        var occFirstUse = new List<int>();
        PairOccA = new int[program.EprPairs.Length];
        PairOccB = new int[program.EprPairs.Length];
        OperandOffset = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            OperandOffset[i + 1] = OperandOffset[i] + ops[i].Qubits.Length;
        }
        OperandOcc = new int[OperandOffset[n]];
        Array.Fill(OperandOcc, -1);
        Consumer = new int[program.EprPairs.Length];
        Array.Fill(Consumer, -1);
        var pendingConsumer = new List<int>();
        var messageKeys = new Dictionary<(int Writer, int To), int>();
        var messages = new List<Message>();

        for (int i = 0; i < n; i++)
        {
            lockStart[i] = lockQubit.Count;
            if (!IsTask[i])
            {
                continue;
            }
            var op = ops[i];
            int p = PairOfTask[i];
            if (p >= 0)
            {
                var pair = program.EprPairs[p];
                PairOccA[p] = StartSide(pair.QubitA, pair.QpuA, i);
                PairOccB[p] = StartSide(pair.QubitB, pair.QpuB, i);
                for (int k = 0; k < EprPair.OperationCount; k++)
                {
                    var part = ops[i + k];
                    for (int s = 0; s < part.Qubits.Length; s++)
                    {
                        OperandOcc[OperandOffset[i + k] + s] = occOfQubit[part.Qubits[s]];
                    }
                }
                pendingConsumer.Add(p);
                continue;
            }
            int mask = commute ? diagonal.Mask(op) : 0;
            for (int s = 0; s < op.Qubits.Length; s++)
            {
                int q = op.Qubits[s];
                if (!program.IsCommQubit[q] && (mask & (1 << s)) != 0)
                {
                    // Commutes with the run on this qubit: after its last non-diagonal operation only.
                    if (lastOnQubit[q] >= 0)
                    {
                        edges.Add(lastOnQubit[q], i, 0);
                    }
                    (group[q] ??= []).Add(i);
                    lockQubit.Add(q);
                    continue;
                }
                Order(q, i);
                int occ = occOfQubit[q];
                OperandOcc[OperandOffset[i] + s] = occ;
                if (occ >= 0)
                {
                    occLast[occ] = i;
                    if (occFirstUse[occ] < 0)
                    {
                        occFirstUse[occ] = i;
                    }
                }
            }
            if (op.Condition is { } cond)
            {
                foreach (int c in cond.Clbits)
                {
                    int w = lastWriter[c];
                    if (w >= 0)
                    {
                        edges.Add(w, i, MessageLag(w, i, c));
                    }
                    (readers[c] ??= []).Add(i);
                }
            }
            if (op is MeasureOperation m)
            {
                int c = m.Clbit;
                if (lastWriter[c] >= 0)
                {
                    edges.Add(lastWriter[c], i, 0);
                }
                if (readers[c] is { } rs)
                {
                    foreach (int r in rs)
                    {
                        edges.Add(r, i, 0);
                    }
                    rs.Clear();
                }
                lastWriter[c] = i;
            }
            // The first task after a pair that touches either half consumes it (the on-demand baseline waits for it).
            for (int k = pendingConsumer.Count - 1; k >= 0; k--)
            {
                var pair = program.EprPairs[pendingConsumer[k]];
                if (op.Qubits.Contains(pair.QubitA) || op.Qubits.Contains(pair.QubitB))
                {
                    Consumer[pair.Index] = i;
                    pendingConsumer.RemoveAt(k);
                }
            }
        }

        lockStart[n] = lockQubit.Count;
        for (int q = 0; q < group.Length; q++)
        {
            CloseGroup(q, -1);
        }
        LockStart = lockStart;
        LockQubit = [.. lockQubit];
        GroupStart = [.. groupStart];
        GroupMember = [.. groupMember];
        GroupCloser = [.. groupCloser];
        OccupancyCount = occQpu.Count;
        OccQpu = [.. occQpu];
        OccPair = [.. occPair];
        OccLastTask = [.. occLast];
        OccFirstUse = [.. occFirstUse];
        Messages = messages;
        (SuccStart, Succ, SuccLag, PredCount) = edges.ToCsr(n);

        // A non-diagonal task on the qubit: after the run of diagonal ones (or the last task) before it.
        void Order(int q, int task)
        {
            if (group[q] is { Count: > 0 } members)
            {
                foreach (int m in members)
                {
                    edges.Add(m, task, 0);
                }
                CloseGroup(q, task);
            }
            else if (lastOnQubit[q] >= 0)
            {
                edges.Add(lastOnQubit[q], task, 0);
            }
            lastOnQubit[q] = task;
        }

        void CloseGroup(int q, int closer)
        {
            if (group[q] is not { Count: > 0 } members)
            {
                return;
            }
            groupMember.AddRange(members);
            groupStart.Add(groupMember.Count);
            groupCloser.Add(closer);
            members.Clear();
        }

        int StartSide(int qubit, int qpu, int task)
        {
            if (!program.IsCommQubit[qubit])
            {
                // The pair lands in a data qubit (teledata coming home): an ordinary dependency.
                Order(qubit, task);
                occOfQubit[qubit] = -1;
                return -1;
            }
            int occ = occQpu.Count;
            occQpu.Add(qpu);
            occPair.Add(PairOfTask[task]);
            occLast.Add(task);
            occFirstUse.Add(-1);
            occOfQubit[qubit] = occ;
            lastOnQubit[qubit] = task;
            return occ;
        }

        double MessageLag(int writer, int reader, int clbit)
        {
            int from = Qpu[writer], to = Qpu[reader];
            if (from == to)
            {
                return 0;
            }
            var path = metrics.BestPath(from, to);
            if (!messageKeys.ContainsKey((writer, to)))
            {
                messageKeys[(writer, to)] = messages.Count;
                messages.Add(new Message(writer, clbit, path));
            }
            return path.Latency;
        }
    }

    public DistributedProgram Program { get; }

    public int Count { get; }

    public bool[] IsTask { get; }

    public int[] PairOfTask { get; }

    public int[] Qpu { get; }

    public double[] Duration { get; }

    /// <summary>Per pair: the time its raw pairs take on one generator (the rest of its task is distillation).</summary>
    public double[] GenerationTime { get; }

    public int[] SuccStart { get; }

    public int[] Succ { get; }

    public double[] SuccLag { get; }

    public int[] PredCount { get; }

    /// <summary>Per task (compressed rows): the data qubits it is diagonal on, which it must hold alone while it runs.</summary>
    public int[] LockStart { get; }

    public int[] LockQubit { get; }

    /// <summary>
    /// Runs of mutually commuting diagonal tasks on one data qubit (compressed rows), each with the
    /// task that closes it (the next non-diagonal one, waiting for them all) or -1. Closed runs are
    /// listed in their closers' order.
    /// </summary>
    public int[] GroupStart { get; }

    public int[] GroupMember { get; }

    public int[] GroupCloser { get; }

    public int OccupancyCount { get; }

    public int[] OccQpu { get; }

    public int[] OccPair { get; }

    public int[] OccLastTask { get; }

    public int[] OccFirstUse { get; }

    public int[] PairOccA { get; }

    public int[] PairOccB { get; }

    public int[] OperandOffset { get; }

    /// <summary>Per operand of every operation: the communication-qubit occupancy it touches, or -1 for a data qubit.</summary>
    public int[] OperandOcc { get; }

    /// <summary>Per pair: the first task after it that touches either half, or -1.</summary>
    public int[] Consumer { get; }

    public List<Message> Messages { get; }

    /// <summary>A measured bit sent from its QPU to another along a path of links.</summary>
    internal sealed record Message(int Writer, int Clbit, PathQuality Path);

    private static double DistillRoundTime(Topology.Topology topology, Link link)
    {
        // Bilateral CNOTs, measurement of the target pair, and the exchange of the outcomes.
        var a = topology.Qpus[link.A].Durations;
        var b = topology.Qpus[link.B].Durations;
        return Math.Max(a.TwoQubit, b.TwoQubit) + Math.Max(a.Measure, b.Measure) + link.Latency;
    }

    private static void CheckPairShape(System.Collections.Immutable.ImmutableArray<Operation> ops, EprPair pair)
    {
        if (pair.Operation + EprPair.OperationCount > ops.Length
            || ops[pair.Operation] is not ResetOperation ra || ra.Qubit != pair.QubitA
            || ops[pair.Operation + 1] is not ResetOperation rb || rb.Qubit != pair.QubitB
            || ops[pair.Operation + 3] is not GateOperation { Qubits.Length: 2 } cx || cx.Qubits[0] != pair.QubitA || cx.Qubits[1] != pair.QubitB)
        {
            throw new InvalidOperationException($"pair {pair.Tag} is not reset; reset; h; cx at operation {pair.Operation}");
        }
    }
}
