using Qdc.Circuits;
using Qdc.Compiler.Distribution;
using Qdc.Compiler.Scheduling;
using Qdc.Qasm.NodePrograms;

namespace Qdc.Compiler.Emission;

/// <summary>
/// Cuts a distributed program into one stream per QPU. Each EPR pair's four operations become an
/// <c>epr</c> call on both sides; a barrier across QPUs becomes one per QPU. A condition on a bit
/// whose latest value another QPU measured gets a message: a send on that QPU right after the
/// measurement, and a recv on this one just before the first use. Messages are numbered in the
/// order their uses appear, so the same program always gives the same tags.
/// With a schedule, communication qubits are the scheduler's physical slots and every idle gap
/// before an operation on a qubit becomes a delay step, so each node runs on its own clock.
/// </summary>
internal static class NodeSplitter
{
    public static NodeStream[] Split(DistributedProgram program, int qpuCount, Schedule? schedule = null)
    {
        var circuit = program.Circuit;
        var nodes = Enumerable.Range(0, qpuCount).Select(p => new NodeStream(p)).ToArray();
        var local = new int[circuit.QubitCount];
        for (int q = 0; q < circuit.QubitCount; q++)
        {
            var node = nodes[program.QpuOfQubit[q]];
            local[q] = node.DataQubits + node.CommQubits;
            if (program.IsCommQubit[q])
            {
                node.CommQubits++;
            }
            else
            {
                node.DataQubits++;
            }
        }
        NodeClock[]? clocks = null;
        if (schedule is not null)
        {
            foreach (var node in nodes)
            {
                node.CommQubits = Math.Max(node.CommQubits, schedule.PeakCommQubits[node.Qpu]);
            }
            clocks = [.. nodes.Select(n => new NodeClock(n.DataQubits + n.CommQubits))];
        }

        // The node qubit an operand runs on: its program qubit's, or the scheduler's comm slot.
        int Local(int operation, int operand)
        {
            int q = circuit.Operations[operation].Qubits[operand];
            int slot = schedule is not null && program.IsCommQubit[q] ? schedule.CommSlot(operation, operand) : -1;
            return slot < 0 ? local[q] : nodes[program.QpuOfQubit[q]].DataQubits + slot;
        }

        int PairLocal(int operation, int qubit)
        {
            for (int k = 0; k < EprPair.OperationCount; k++)
            {
                int s = circuit.Operations[operation + k].Qubits.IndexOf(qubit);
                if (s >= 0)
                {
                    return Local(operation + k, s);
                }
            }
            return local[qubit];
        }

        var state = new ClbitState(program, nodes);
        var pairAt = program.EprPairs.ToDictionary(p => p.Operation);
        var ops = circuit.Operations;
        foreach (int i in Units(ops.Length, pairAt, schedule))
        {
            if (pairAt.TryGetValue(i, out var pair))
            {
                int qa = program.QpuOfQubit[pair.QubitA], qb = program.QpuOfQubit[pair.QubitB];
                int la = PairLocal(i, pair.QubitA), lb = PairLocal(i, pair.QubitB);
                if (clocks is not null)
                {
                    clocks[qa].Run(nodes[qa], [la], schedule!.OperationStart[i], schedule.OperationEnd[i]);
                    clocks[qb].Run(nodes[qb], [lb], schedule.OperationStart[i], schedule.OperationEnd[i]);
                }
                nodes[qa].AddNetwork(NetworkCallKind.Epr, qb, pair.Index, la);
                nodes[qb].AddNetwork(NetworkCallKind.Epr, qa, pair.Index, lb);
                continue;
            }
            var op = ops[i];
            var qpus = op.Qubits.Select(q => program.QpuOfQubit[q]).Distinct().Order().ToList();
            if (qpus.Count > 1 && op is not BarrierOperation)
            {
                throw new InvalidOperationException($"operation {i} ({op}) spans QPUs {string.Join(", ", qpus)} but is no EPR pair");
            }
            foreach (int p in qpus)
            {
                int at = i;
                var mine = Enumerable.Range(0, op.Qubits.Length).Where(k => program.QpuOfQubit[op.Qubits[k]] == p).Select(k => Local(at, k)).ToArray();
                var condition = op.Condition is { } c ? state.Use(c, p) : null;
                clocks?[p].Run(nodes[p], mine, schedule!.OperationStart[i], schedule.OperationEnd[i]);
                if (op is MeasureOperation m)
                {
                    var slot = nodes[p].Add(new NodeStep(new MeasureOperation(mine[0], state.Measured(m.Clbit, p), condition)));
                    state.Wrote(m.Clbit, p, slot);
                    continue;
                }
                nodes[p].Add(new NodeStep(Relocated(op, mine, condition)));
            }
        }
        return nodes;
    }

    /// <summary>
    /// The operations to emit, an EPR pair's four as one unit (its first index): in program order,
    /// or with a schedule in order of scheduled start (program order among equal starts). The
    /// scheduler may start a later pair first, on a communication qubit that an earlier one in
    /// program order gives up only later in time, so streams in program order would interleave
    /// the two on one physical qubit. Starts respect every dependency, so time order is a valid
    /// order of the program too.
    /// </summary>
    private static List<int> Units(int count, Dictionary<int, EprPair> pairAt, Schedule? schedule)
    {
        var units = new List<int>(count);
        for (int i = 0; i < count; i++)
        {
            units.Add(i);
            if (pairAt.ContainsKey(i))
            {
                i += EprPair.OperationCount - 1;
            }
        }
        if (schedule is not null)
        {
            var starts = schedule.OperationStart;
            units = [.. units.OrderBy(u => starts[u]).ThenBy(u => u)];
        }
        return units;
    }

    private static Operation Relocated(Operation op, int[] qubits, Condition? condition) => op switch
    {
        GateOperation g => new GateOperation(g.Gate, [.. qubits], condition),
        ResetOperation => new ResetOperation(qubits[0], condition),
        BarrierOperation => new BarrierOperation([.. qubits]),
        _ => throw new InvalidOperationException($"unexpected operation {op}"),
    };

    /// <summary>Which QPU holds the latest value of each program clbit, and which QPUs have a copy of it.</summary>
    private sealed class ClbitState(DistributedProgram program, NodeStream[] nodes)
    {
        private readonly int[] _version = new int[program.Circuit.ClbitCount];
        private readonly NodeStream.Slot?[] _writer = new NodeStream.Slot?[program.Circuit.ClbitCount];
        private readonly int[] _writerQpu = new int[program.Circuit.ClbitCount];
        private readonly int[,] _seen = new int[nodes.Length, program.Circuit.ClbitCount];
        private readonly Dictionary<(int Qpu, int Clbit), int> _netLocal = [];
        private int _messages;

        /// <summary>The condition in the node's clbits, after receiving any bit whose latest value is elsewhere.</summary>
        public Condition Use(Condition c, int qpu)
        {
            foreach (int b in c.Clbits)
            {
                if (_version[b] > 0 && _seen[qpu, b] != _version[b])
                {
                    int tag = _messages++;
                    int from = _writerQpu[b];
                    _writer[b]!.After.Add(NodeStep.Network(NetworkCallKind.Send, qpu, tag, Local(b, from)));
                    nodes[qpu].AddNetwork(NetworkCallKind.Recv, from, tag, Local(b, qpu));
                    _seen[qpu, b] = _version[b];
                }
            }
            return new Condition([.. c.Clbits.Select(b => Local(b, qpu))], c.Value, c.Equal);
        }

        public int Measured(int clbit, int qpu)
        {
            if (clbit < program.SourceClbits)
            {
                nodes[qpu].Writes.Add(clbit);
            }
            return Local(clbit, qpu);
        }

        public void Wrote(int clbit, int qpu, NodeStream.Slot slot)
        {
            _version[clbit]++;
            _seen[qpu, clbit] = _version[clbit];
            _writer[clbit] = slot;
            _writerQpu[clbit] = qpu;
        }

        private int Local(int clbit, int qpu)
        {
            if (clbit < program.SourceClbits)
            {
                return clbit;
            }
            if (!_netLocal.TryGetValue((qpu, clbit), out int n))
            {
                n = program.SourceClbits + nodes[qpu].NetClbits++;
                _netLocal[(qpu, clbit)] = n;
            }
            return n;
        }
    }
}
